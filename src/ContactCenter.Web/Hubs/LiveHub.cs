using ContactCenter.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace ContactCenter.Web.Hubs;

/// <summary>A hub whose connections receive live updates of <see cref="Topics"/> from the node's
/// <see cref="LiveAudience"/> for as long as they are connected.</summary>
/// <typeparam name="THub">The hub itself (its context sends the updates).</typeparam>
public abstract class LiveHub<THub>(LiveAudience audience) : Hub where THub : Hub
{
    /// <summary>The topics this hub's clients receive.</summary>
    protected abstract IReadOnlySet<string> Topics { get; }

    /// <summary>Which updates of <see cref="Topics"/> this connection receives; null for all of them.</summary>
    protected virtual Func<LiveUpdate, bool>? Filter => null;

    public override Task OnConnectedAsync()
    {
        audience.Join<THub>(Context.ConnectionId, Topics, Filter);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        audience.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
