using ContactCenter.Actors.Diagnostics;

namespace ContactCenter.Actors;

/// <summary>An event-sourced grain: its state is a fold of its events (from the latest snapshot on), and appending
/// events is the state write. <see cref="RaiseEvent"/> applies an event at once; <see cref="ConfirmEvents"/> appends
/// the raised events with the expected version — a stale activation fails there and is discarded.</summary>
/// <typeparam name="TState">The folded state; a mutable class with a parameterless constructor.</typeparam>
/// <typeparam name="TEvent">The base type of the grain's events, registered for (polymorphic) serialization.</typeparam>
public abstract class JournaledGrain<TState, TEvent> : Grain
    where TState : class, new()
    where TEvent : class
{
    private const int ReadBatch = 512;
    private readonly List<TEvent> _unconfirmed = [];
    private long _lastSnapshotVersion;

    /// <summary>The state including raised but not yet confirmed events.</summary>
    protected TState State { get; private set; } = new();

    /// <summary>The version of the stream as confirmed in the journal.</summary>
    protected long ConfirmedVersion { get; private set; }

    /// <summary>The version <see cref="State"/> reflects, unconfirmed events included.</summary>
    protected long Version => ConfirmedVersion + _unconfirmed.Count;

    /// <summary>Events between snapshots. Default 100; 0 disables snapshots.</summary>
    protected virtual int SnapshotInterval => 100;

    /// <summary>The journal stream of this grain. Default: its grain id.</summary>
    protected virtual string JournalStreamId => GrainId.ToString();

    /// <summary>Applies an event to the state. The default calls <see cref="IJournaledState{TEvent}.Apply"/> when
    /// <typeparamref name="TState"/> implements it.</summary>
    protected virtual void TransitionState(TState state, TEvent @event)
    {
        if (state is not IJournaledState<TEvent> journaled)
        {
            throw new NotSupportedException(
                $"{GetType().Name}: override TransitionState or let {typeof(TState).Name} implement IJournaledState<{typeof(TEvent).Name}>");
        }
        journaled.Apply(@event);
    }

    protected void RaiseEvent(TEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        TransitionState(State, @event);
        _unconfirmed.Add(@event);
    }

    protected void RaiseEvents(IEnumerable<TEvent> events)
    {
        foreach (var @event in events)
        {
            RaiseEvent(@event);
        }
    }

    /// <summary>Appends the raised events; the state write and the business record are this one append. When the append
    /// fails, the activation is replaced once the turn ends: its state holds events the journal may not have (or may
    /// have after all, when only the answer was lost), so the next activation reads the journal again rather than
    /// confirming them with a later turn's events. A failed snapshot after a good append is only logged.</summary>
    protected async Task ConfirmEvents(CancellationToken cancellationToken = default)
    {
        if (_unconfirmed.Count == 0)
        {
            return;
        }
        Activation.EnsureMayWrite();
        var runtime = Activation.Runtime;
        var batch = _unconfirmed
            .Select(e => new EventData(e.GetType().Name, runtime.Serializer.Serialize(e)))
            .ToArray();
        try
        {
            ConfirmedVersion = await runtime.Journal
                .AppendAsync(JournalStreamId, ConfirmedVersion, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            Activation.RequestDeactivation(DeactivationReason.InconsistentState);
            throw;
        }
        _unconfirmed.Clear();
        if (SnapshotInterval > 0 && ConfirmedVersion - _lastSnapshotVersion >= SnapshotInterval)
        {
            try
            {
                await runtime.Journal.WriteSnapshotAsync(
                    JournalStreamId, ConfirmedVersion, runtime.Serializer.Serialize(State), cancellationToken).ConfigureAwait(false);
                _lastSnapshotVersion = ConfirmedVersion;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                runtime.Log.SnapshotFailed(Activation.Id, ConfirmedVersion, exception);
            }
        }
    }

    internal override async Task LoadStateAsync(CancellationToken cancellationToken)
    {
        var journal = Activation.Runtime.Journal;
        var serializer = Activation.Runtime.Serializer;
        // The snapshot and the first page together: a new grain (a call) finds neither in one round trip.
        var (snapshot, records) = await journal.ReadLatestAsync(JournalStreamId, ReadBatch, cancellationToken).ConfigureAwait(false);
        var state = snapshot is null ? new TState() : serializer.Deserialize<TState>(snapshot.StateJson);
        var version = snapshot?.Version ?? 0;
        _lastSnapshotVersion = version;
        while (true)
        {
            foreach (var record in records)
            {
                TransitionState(state, serializer.Deserialize<TEvent>(record.Json));
                version = record.Version;
            }
            if (records.Count < ReadBatch)
            {
                break;
            }
            records = await journal.ReadStreamAsync(JournalStreamId, version, ReadBatch, cancellationToken).ConfigureAwait(false);
        }
        State = state;
        ConfirmedVersion = version;
    }
}
