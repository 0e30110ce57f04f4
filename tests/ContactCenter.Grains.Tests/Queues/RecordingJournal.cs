using System.Collections.Concurrent;
using System.Collections.Immutable;
using ContactCenter.Actors;
using ContactCenter.TestSupport;

namespace ContactCenter.Grains.Tests.Queues;

/// <summary>The cluster's journal, remembering the event types of every append made through it, per stream, so a test
/// can tell which events a grain confirmed together; it can also fail a stream's next append.</summary>
public sealed class RecordingJournal(IEventJournal inner) : DelegatingEventJournal(inner)
{
    private readonly ConcurrentDictionary<string, ImmutableList<ImmutableArray<string>>> _appends = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _failNext = new(StringComparer.Ordinal);

    /// <summary>Makes the next append to <paramref name="streamId"/> fail with an <see cref="IOException"/> (as a lost
    /// database connection would), appending nothing.</summary>
    public void FailNextAppendTo(string streamId) => _failNext[streamId] = true;

    /// <summary>The appends made to <paramref name="streamId"/>, in order, each as its events' types.</summary>
    public IReadOnlyList<ImmutableArray<string>> AppendsTo(string streamId) =>
        _appends.GetValueOrDefault(streamId, ImmutableList<ImmutableArray<string>>.Empty);

    public override async Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (_failNext.TryRemove(streamId, out _))
        {
            throw new IOException($"journal stream '{streamId}': the append failed (test)");
        }
        var version = await base.AppendAsync(streamId, expectedVersion, events, cancellationToken);
        var types = events.Select(e => e.EventType).ToImmutableArray();
        _appends.AddOrUpdate(streamId, _ => [types], (_, appends) => appends.Add(types));
        return version;
    }
}
