using System.Collections.Concurrent;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Queues;

/// <summary>Queue documents held in memory: the single-node demo's and the tests' configuration source. Thread-safe; a
/// value put replaces the previous one at once.</summary>
public sealed class InMemoryQueueConfiguration : IQueueConfigurationSource
{
    private readonly ConcurrentDictionary<string, Queue> _queues = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces a queue.</summary>
    public void Put(Queue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        _queues[queue.Id] = queue;
    }

    /// <inheritdoc />
    public Task<Queue?> GetQueueAsync(string queueId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_queues.GetValueOrDefault(queueId));
}
