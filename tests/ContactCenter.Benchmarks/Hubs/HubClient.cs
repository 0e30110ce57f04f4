using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Serialization;
using ContactCenter.TestSupport;
using ContactCenter.Web.Hubs;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks.Hubs;

/// <summary>One .NET SignalR client of the supervisor hub over a real WebSocket to Kestrel, keeping for every
/// <c>agent</c> update its receive time (this machine's UTC clock, the clock the grains stamp their events with).</summary>
internal sealed class HubClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Lock _gate = new();
    private readonly List<HubReceipt> _receipts = new(1024);

    private HubClient(HubConnection connection)
    {
        _connection = connection;
    }

    /// <summary>Receipts so far: the agent, the displayed-since ticks the update carried, and when it arrived.</summary>
    public IReadOnlyList<HubReceipt> Receipts
    {
        get
        {
            lock (_gate)
            {
                return [.. _receipts];
            }
        }
    }

    /// <summary>Connects to <see cref="SupervisorHub.Path"/> on <paramref name="site"/> with <paramref name="token"/>
    /// as the bearer credential of the WebSocket request (SignalR's WebSocket transport needs no negotiation).</summary>
    public static async Task<HubClient> ConnectAsync(Uri site, string token, CancellationToken cancellationToken)
    {
        var hub = new Uri(site, SupervisorHub.Path);
        var socketUri = new UriBuilder(hub) { Scheme = "ws" }.Uri;
        var factory = new WebSocketConnectionFactory(async cancel =>
        {
            var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
            try
            {
                await socket.ConnectAsync(socketUri, cancel);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        });
        var builder = new HubConnectionBuilder();
        builder.Services.AddSingleton<IConnectionFactory>(factory);
        builder.Services.AddSingleton<EndPoint>(new UriEndPoint(hub));
        builder.AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var client = new HubClient(builder.Build());
        client._connection.On<AgentLiveUpdate>("agent", client.OnAgent);
        // The hub also sends "site" and "alert" updates; without a handler the client discards them.
        await client._connection.StartAsync(cancellationToken);
        return client;
    }

    private void OnAgent(AgentLiveUpdate update)
    {
        var received = AgentChange.UnixMs(DateTimeOffset.UtcNow);
        lock (_gate)
        {
            _receipts.Add(new HubReceipt(update.Item.AgentId, update.Item.DisplayedSince.UtcTicks, received));
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
