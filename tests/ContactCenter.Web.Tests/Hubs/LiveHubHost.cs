using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactCenter.Actors;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Reporting;
using ContactCenter.Grains.Calls;
using ContactCenter.Grains.Reporting;
using ContactCenter.Storage.Documents;
using ContactCenter.Storage.Reporting;
using ContactCenter.TestSupport;
using ContactCenter.Web.Hubs;
using ContactCenter.Web.Tests.Security;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Hubs;

/// <summary>The live hubs on the test server over a real in-process cluster (calls, agents, queues, the site aggregate)
/// that shares the web role's document store, as one node running the silo and web roles does.</summary>
internal sealed class LiveHubHost : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private LiveHubHost(TestCluster cluster, WebTestHost web, IDocumentStore documents)
    {
        Cluster = cluster;
        Web = web;
        Documents = documents;
    }

    public TestCluster Cluster { get; }

    public WebTestHost Web { get; }

    public IDocumentStore Documents { get; }

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Starts the cluster and the web role over a document store <paramref name="seed"/> fills first.</summary>
    public static async Task<LiveHubHost> StartAsync(Func<IDocumentStore, Task> seed)
    {
        var documents = new InMemoryDocumentStore();
        await seed(documents);
        var cluster = await TestCluster.StartAsync(new TestClusterOptions
        {
            Silos = 1,
            ConfigureServices = services =>
            {
                services.AddSingleton<IDocumentStore>(documents);
                services.AddCalls();
                services.AddInMemoryDocumentStore();
                services.AddJournalProjections();
                services.AddSingleton<IInteractionFactStore, InMemoryInteractionFactStore>();
            },
        });
        try
        {
            var web = await WebTestHost.StartAsync(
                services =>
                {
                    services.AddSingleton<IDocumentStore>(documents);
                    services.AddSingleton<IGrainFactory>(cluster.Client);
                    services.AddSingleton(cluster.Client.Streams);
                    services.AddLiveHubs();
                },
                app => app.MapLiveHubs());
            return new LiveHubHost(cluster, web, documents);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A started hub connection to <paramref name="path"/>, sending <paramref name="headers"/> with the
    /// WebSocket request (the credentials).</summary>
    public async Task<HubConnection> ConnectAsync(string path, IReadOnlyDictionary<string, string> headers)
    {
        var server = Web.Server;
        var factory = new WebSocketConnectionFactory(async cancellationToken =>
        {
            var client = server.CreateWebSocketClient();
            client.ConfigureRequest = request =>
            {
                foreach (var (name, value) in headers)
                {
                    request.Headers[name] = value;
                }
            };
            return await client.ConnectAsync(new UriBuilder(new Uri(server.BaseAddress, path)) { Scheme = "ws" }.Uri, cancellationToken);
        });
        var builder = new HubConnectionBuilder();
        builder.Services.AddSingleton<IConnectionFactory>(factory);
        builder.Services.AddSingleton<EndPoint>(new UriEndPoint(new Uri(server.BaseAddress, path)));
        builder.AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var connection = builder.Build();
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    /// <summary>The credentials of a new account <paramref name="user"/> holding <paramref name="role"/> (and, for an
    /// agent, naming <paramref name="agentProfileId"/>): a bearer token for the WebSocket request.</summary>
    public async Task<Dictionary<string, string>> CredentialsAsync(string user, string role, string? agentProfileId = null)
    {
        await Web.AddUserAsync(user, "hub-password-1", [role], agentProfileId: agentProfileId);
        using var client = await Web.CreateBearerClientAsync(user, "hub-password-1");
        return new Dictionary<string, string> { ["Authorization"] = client.DefaultRequestHeaders.Authorization!.ToString() };
    }

    /// <summary>A configured agent in one queue (the site's only queue).</summary>
    public static async Task SeedAgentAndQueueAsync(IDocumentStore documents, string agentId, string queueId)
    {
        await documents.CreateAsync(new Queue { Id = queueId, Name = queueId }, TestContext.Current.CancellationToken);
        await documents.CreateAsync(new AgentProfile
        {
            Id = agentId,
            Name = agentId,
            Queues = [new QueueMembership(queueId)],
            Capacities = [new MediumCapacity(Medium.Voice, 1)],
        }, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Web.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
