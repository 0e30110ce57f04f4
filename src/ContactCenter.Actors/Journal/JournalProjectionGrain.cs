namespace ContactCenter.Actors;

/// <summary>Base of grains that fold the journal's global order into a read model (interaction facts, live aggregates):
/// from the position the read model reflects, it reads pages of the streams it <see cref="Reads"/>, hands them to
/// <see cref="ApplyAsync"/> together with the position they go up to, and moves on. Being a grain it runs once in the
/// cluster and moves on failover. It polls every <see cref="PollInterval"/>; a reminder that ticks every minute keeps
/// it from idle collection (timer ticks do not count as use, reminder ticks do) and reactivates it on another silo when
/// its silo dies.</summary>
/// <remarks>Positions of the journal only ever become visible in order (<see cref="IEventJournal.ReadAllAsync"/>), so a
/// read model that stores its position with its rows (atomically) can stop and resume anywhere, and be rebuilt by
/// starting from 0.</remarks>
public abstract class JournalProjectionGrain : Grain, IJournalProjection
{
    private const string WakeUpReminder = "journal-projection";
    private long _position;

    /// <summary>How often the projection looks for new events.</summary>
    protected virtual TimeSpan PollInterval => TimeSpan.FromMilliseconds(250);

    /// <summary>How many journal records one read returns at most.</summary>
    protected virtual int PageSize => 500;

    /// <summary>The journal position the read model reflects.</summary>
    protected long Position => _position;

    /// <summary>Whether the projection reads the stream <paramref name="streamId"/> (see <see cref="IsStreamOf{TGrain}"/>).</summary>
    protected abstract bool Reads(string streamId);

    /// <summary>The journal position the stored read model reflects (0: empty).</summary>
    protected abstract Task<long> LoadPositionAsync(CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="records"/> (streams this projection reads, in journal order; possibly none) and
    /// stores <paramref name="throughPosition"/> as the read model's position, atomically with its changes. Returns
    /// false when the stored position was no longer the one this activation read (another writer moved it), in which
    /// case nothing may be stored; the projection then reloads its position and carries on from there.</summary>
    protected abstract Task<bool> ApplyAsync(IReadOnlyList<JournalRecord> records, long throughPosition, CancellationToken cancellationToken);

    /// <summary>The event in <paramref name="record"/>, read with the runtime's serializer (grain and observer
    /// references included).</summary>
    protected TEvent Deserialize<TEvent>(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Activation.Runtime.Serializer.Deserialize<TEvent>(record.Json);
    }

    /// <summary>Whether <paramref name="streamId"/> is the journal of a grain addressed by <typeparamref name="TGrain"/>.</summary>
    protected static bool IsStreamOf<TGrain>(string streamId) where TGrain : IGrain
    {
        ArgumentNullException.ThrowIfNull(streamId);
        var type = typeof(TGrain).FullName!;
        return streamId.Length > type.Length && streamId[type.Length] == '/' && streamId.StartsWith(type, StringComparison.Ordinal);
    }

    /// <summary>The key of the grain whose journal is <paramref name="streamId"/>.</summary>
    protected static string KeyOf(string streamId)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        return streamId[(streamId.IndexOf('/', StringComparison.Ordinal) + 1)..];
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _position = await LoadPositionAsync(cancellationToken).ConfigureAwait(false);
        await RegisterOrUpdateReminder(WakeUpReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        RegisterGrainTimer(ReadAvailableAsync, PollInterval, PollInterval);
    }

    public async Task<long> CatchUpAsync()
    {
        await ReadAvailableAsync(CancellationToken.None).ConfigureAwait(false);
        return _position;
    }

    public Task<long> GetPositionAsync() => Task.FromResult(_position);

    /// <summary>The reminder's tick keeps the projection active, or brings it back after its silo died; nothing else to do.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task ReadAvailableAsync(CancellationToken cancellationToken)
    {
        var journal = Activation.Runtime.Journal;
        while (true)
        {
            var page = await journal.ReadAllAsync(_position, PageSize, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                return;
            }
            var through = page[^1].Position;
            if (await ApplyAsync([.. page.Where(r => Reads(r.StreamId))], through, cancellationToken).ConfigureAwait(false))
            {
                _position = through;
            }
            else
            {
                _position = await LoadPositionAsync(cancellationToken).ConfigureAwait(false);
            }
            if (page.Count < PageSize)
            {
                return;
            }
        }
    }
}
