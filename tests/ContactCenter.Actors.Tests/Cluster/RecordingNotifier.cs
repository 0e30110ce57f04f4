using System.Collections.Concurrent;
using ContactCenter.Actors.Tests.Grains;

namespace ContactCenter.Actors.Tests.Cluster;

public sealed class RecordingNotifier : INotifier
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public Task Notify(string message)
    {
        Messages.Enqueue(message);
        return Task.CompletedTask;
    }
}
