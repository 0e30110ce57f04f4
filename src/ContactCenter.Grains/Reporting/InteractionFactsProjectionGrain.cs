using ContactCenter.Actors;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Reporting;

namespace ContactCenter.Grains.Reporting;

/// <summary>Folds every call's journal into its <see cref="InteractionFact"/> (<see cref="InteractionFactFold"/>) and
/// stores the changed facts with the journal position in one compare-and-swap, so a restart, a failover or a stale
/// activation neither loses nor double-counts an event; <see cref="IInteractionFactStore.ResetAsync"/> makes it rebuild.</summary>
internal sealed class InteractionFactsProjectionGrain(IInteractionFactStore store) : JournalProjectionGrain, IInteractionFactsProjection
{
    protected override bool Reads(string streamId) => IsStreamOf<ICallGrain>(streamId);

    protected override Task<long> LoadPositionAsync(CancellationToken cancellationToken) => store.GetPositionAsync(cancellationToken);

    protected override async Task<bool> ApplyAsync(IReadOnlyList<JournalRecord> records, long throughPosition, CancellationToken cancellationToken)
    {
        var ids = records.Select(r => KeyOf(r.StreamId)).Distinct(StringComparer.Ordinal).ToList();
        var stored = ids.Count == 0 ? null : await store.GetAsync(ids, cancellationToken).ConfigureAwait(false);
        var facts = new Dictionary<string, InteractionFact>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var id = KeyOf(record.StreamId);
            var fact = facts.GetValueOrDefault(id) ?? stored?.GetValueOrDefault(id) ?? InteractionFactFold.Start(id);
            facts[id] = InteractionFactFold.Apply(fact, Deserialize<CallEvent>(record), record.Version);
        }
        return await store.SaveAsync(facts.Values, Position, throughPosition, cancellationToken).ConfigureAwait(false);
    }
}
