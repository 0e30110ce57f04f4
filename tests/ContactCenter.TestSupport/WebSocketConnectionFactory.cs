using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;

namespace ContactCenter.TestSupport;

/// <summary>Connects the SignalR client (Microsoft.AspNetCore.SignalR.Client.Core, which has no transports of its own
/// here) over a WebSocket that <paramref name="connect"/> opens: the test server's WebSocket client or a real
/// <see cref="ClientWebSocket"/>. SignalR's WebSocket transport needs no negotiation.</summary>
public sealed class WebSocketConnectionFactory(Func<CancellationToken, Task<WebSocket>> connect) : IConnectionFactory
{
    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var socket = await connect(cancellationToken);
        return new WebSocketConnection(socket);
    }
}
