using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace ContactCenter.Actors.Tests.Grains;

/// <summary>A journal projection for the runtime's tests: deposits per account, stored with its position in
/// <see cref="Store"/> (one read model per projection key) by compare-and-swap, as a database table would be.</summary>
public sealed class DepositTotalsProjection : JournalProjectionGrain, IDepositTotalsProjection
{
    /// <summary>Projection key → (position, account key → sum of deposits).</summary>
    public static ConcurrentDictionary<string, (long Position, ImmutableDictionary<string, int> Totals)> Store { get; } = new();

    /// <summary>Projection key → how many activations it has had.</summary>
    public static ConcurrentDictionary<string, int> Activations { get; } = new();

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(1);

    protected override int PageSize => 3;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Activations.AddOrUpdate(GetPrimaryKeyString(), 1, (_, n) => n + 1);
        return base.OnActivateAsync(cancellationToken);
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    protected override bool Reads(string streamId) => IsStreamOf<IAccountGrain>(streamId);

    protected override Task<long> LoadPositionAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Store.TryGetValue(GetPrimaryKeyString(), out var stored) ? stored.Position : 0);

    protected override Task<bool> ApplyAsync(IReadOnlyList<JournalRecord> records, long throughPosition, CancellationToken cancellationToken)
    {
        var key = GetPrimaryKeyString();
        var before = Store.GetOrAdd(key, (0, ImmutableDictionary<string, int>.Empty));
        if (before.Position != Position)
        {
            return Task.FromResult(false);
        }
        var totals = before.Totals;
        foreach (var record in records)
        {
            if (Deserialize<AccountEvent>(record) is Deposited deposited)
            {
                var account = KeyOf(record.StreamId);
                totals = totals.SetItem(account, totals.GetValueOrDefault(account) + deposited.Amount);
            }
        }
        return Task.FromResult(Store.TryUpdate(key, (throughPosition, totals), before));
    }
}
