using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace ContactCenter.Web.Tests.Live;

/// <summary>Hub clients that record what each connection is sent; a connection in <see cref="Stalled"/> never finishes
/// a send (a browser that stopped reading) until <see cref="Release"/>.</summary>
internal sealed class RecordingHubClients : IHubClients
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentDictionary<string, ConcurrentQueue<object?>> Sent { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Stalled { get; } = new(StringComparer.Ordinal);

    public IClientProxy All => throw new NotSupportedException();

    public void Release() => _release.TrySetResult();

    public IClientProxy Client(string connectionId) => new Proxy(this, connectionId);

    public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

    public IClientProxy Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

    public IClientProxy Group(string groupName) => throw new NotSupportedException();

    public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

    public IClientProxy Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();

    public IClientProxy User(string userId) => throw new NotSupportedException();

    public IClientProxy Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();

    private sealed class Proxy(RecordingHubClients clients, string connectionId) : IClientProxy
    {
        public async Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
        {
            if (clients.Stalled.Contains(connectionId))
            {
                await clients._release.Task;
            }
            clients.Sent.GetOrAdd(connectionId, _ => new ConcurrentQueue<object?>()).Enqueue(args[0]);
        }
    }
}
