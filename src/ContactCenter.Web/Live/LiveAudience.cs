using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Web.Live;

/// <summary>Who receives which topics on this web node. Every connection has its own bounded outbox and sender, so a
/// client that reads slowly only falls behind itself: when its outbox is full the oldest update is dropped, the client
/// sees the gap in the sequence numbers and resynchronises from a snapshot, and nobody else waits for it.</summary>
public sealed partial class LiveAudience(IServiceProvider services, ILogger<LiveAudience> logger)
{
    /// <summary>Updates a connection may have waiting before the oldest is dropped.</summary>
    public const int OutboxCapacity = 256;

    private readonly ConcurrentDictionary<string, LiveOutbox> _connections = new(StringComparer.Ordinal);

    /// <summary>Starts sending <paramref name="topics"/> to connection <paramref name="connectionId"/> through the hub
    /// <typeparamref name="THub"/> (replacing an earlier registration of the same connection).</summary>
    public void Join<THub>(string connectionId, IReadOnlySet<string> topics, Func<LiveUpdate, bool>? filter = null) where THub : Hub
    {
        var clients = ((IHubContext<THub>)services.GetService(typeof(IHubContext<THub>))!).Clients;
        var outbox = new LiveOutbox(connectionId, topics, filter, clients.Client(connectionId), OutboxCapacity, this);
        if (_connections.TryGetValue(connectionId, out var old))
        {
            old.Close();
        }
        _connections[connectionId] = outbox;
    }

    /// <summary>Stops sending to <paramref name="connectionId"/>.</summary>
    public void Leave(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var outbox))
        {
            outbox.Close();
        }
    }

    /// <summary>Connections currently receiving updates.</summary>
    public int Count => _connections.Count;

    /// <summary>Queues <paramref name="update"/> for every connection that takes its topic; never waits for a client.</summary>
    public void Publish(LiveUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        foreach (var outbox in _connections.Values)
        {
            outbox.Offer(update);
        }
    }

    internal void OnDropped(string connectionId) => LogDropped(connectionId);

    internal void OnSendFailed(string connectionId, Exception exception) => LogSendFailed(connectionId, exception.Message);

    [LoggerMessage(5101, LogLevel.Debug, "Live updates for connection {ConnectionId} overflowed its outbox; the oldest was dropped and the client resynchronises")]
    private partial void LogDropped(string connectionId);

    [LoggerMessage(5102, LogLevel.Debug, "A live update could not be sent to connection {ConnectionId}: {Error}")]
    private partial void LogSendFailed(string connectionId, string error);
}
