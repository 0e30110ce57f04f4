using System.Collections.Concurrent;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Cluster;

/// <summary>Faults a test arms for one stream's next journal write, shared by every silo of a cluster whose journal is
/// wrapped with <see cref="Wrap"/>: an append that fails with nothing written (a lost connection), one that is
/// committed but whose answer is lost, and a snapshot write that fails.</summary>
public sealed class JournalFaults
{
    private readonly ConcurrentDictionary<string, Fault> _armed = new(StringComparer.Ordinal);

    private enum Fault
    {
        AppendFails,
        AppendAnswerLost,
        SnapshotFails,
    }

    public void FailNextAppend(string streamId) => _armed[streamId] = Fault.AppendFails;

    public void LoseNextAppendAnswer(string streamId) => _armed[streamId] = Fault.AppendAnswerLost;

    public void FailNextSnapshot(string streamId) => _armed[streamId] = Fault.SnapshotFails;

    /// <summary>For <c>ConfigureSilo</c>: <c>services.Decorate&lt;IEventJournal&gt;(faults.Wrap)</c>.</summary>
    public IEventJournal Wrap(IEventJournal inner) => new FaultyJournal(inner, this);

    private bool Take(string streamId, Fault fault) =>
        _armed.TryGetValue(streamId, out var armed) && armed == fault && _armed.TryRemove(new(streamId, fault));

    private sealed class FaultyJournal(IEventJournal inner, JournalFaults faults) : DelegatingEventJournal(inner)
    {
        public override async Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
        {
            if (faults.Take(streamId, Fault.AppendFails))
            {
                throw new IOException($"journal stream '{streamId}': the connection broke before the append (test)");
            }
            var version = await base.AppendAsync(streamId, expectedVersion, events, cancellationToken);
            if (faults.Take(streamId, Fault.AppendAnswerLost))
            {
                throw new IOException($"journal stream '{streamId}': the connection broke after the append committed (test)");
            }
            return version;
        }

        public override Task WriteSnapshotAsync(string streamId, long version, string stateJson, CancellationToken cancellationToken = default) =>
            faults.Take(streamId, Fault.SnapshotFails)
                ? Task.FromException(new IOException($"journal stream '{streamId}': the snapshot write failed (test)"))
                : base.WriteSnapshotAsync(streamId, version, stateJson, cancellationToken);
    }
}
