using System.Globalization;
using System.Net.Http.Json;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Host;
using ContactCenter.Storage.Documents;
using ContactCenter.TestSupport;
using ContactCenter.Web;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks.Hubs;

/// <summary>The single-node contact center as <c>dotnet run --project src/ContactCenter.Host</c> starts it (silo and web
/// roles, in-memory providers, the demo users) on free loopback ports, in this process, as the browser tests start it;
/// with one queue, one pause code and the benchmark's agents seeded.</summary>
internal sealed class HubSite : IAsyncDisposable
{
    /// <summary>The queue every benchmark agent works, and the pause code it pauses with.</summary>
    public const string QueueId = "bench", PauseCodeId = "bench";

    private readonly WebApplication _app;

    private HubSite(WebApplication app, Uri baseAddress, IReadOnlyList<string> agentIds)
    {
        _app = app;
        BaseAddress = baseAddress;
        AgentIds = agentIds;
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<string> AgentIds { get; }

    public IGrainFactory Grains => _app.Services.GetRequiredService<Silo>().GrainFactory;

    /// <summary>Starts the node and seeds <paramref name="agents"/> agent profiles (<c>bench-000</c>…).</summary>
    public static async Task<HubSite> StartAsync(int agents)
    {
        var ports = LoopbackPorts.Tcp(2);
        var app = NodeApplication.Build(
        [
            "--roles", "silo,web",
            "--http-port", ports[0].ToString(CultureInfo.InvariantCulture),
            "--silo-port", ports[1].ToString(CultureInfo.InvariantCulture),
            "--postgres=", // the demo's in-memory providers even where a PostgreSQL connection string is set
            "--Logging:LogLevel:Default=Warning",
        ]);
        try
        {
            await app.StartAsync();
            var documents = app.Services.GetRequiredService<IDocumentStore>();
            await documents.CreateAsync(new Queue { Id = QueueId, Name = "Benchmark" });
            await documents.CreateAsync(new PauseCode { Id = PauseCodeId, Name = "Benchmark" });
            var ids = Enumerable.Range(0, agents).Select(i => $"bench-{i:D3}").ToArray();
            foreach (var id in ids)
            {
                await documents.CreateAsync(new AgentProfile
                {
                    Id = id,
                    Name = id,
                    Queues = [new QueueMembership(QueueId)],
                    Capacities = [new MediumCapacity(Medium.Voice, 1)],
                });
            }
            return new HubSite(app, new Uri($"http://127.0.0.1:{ports[0]}/"), ids);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A bearer access token of <paramref name="userName"/> from <c>POST /api/v1/auth/token</c>.</summary>
    public async Task<string> TokenAsync(string userName, string password)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        using var response = await http.PostAsJsonAsync($"{WebApplicationExtensions.ApiPrefix.TrimStart('/')}/auth/token", new { userName, password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"no token for {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var token = await response.Content.ReadFromJsonAsync<AccessTokenResponse>()
                    ?? throw new InvalidOperationException($"an empty token response for {userName}");
        return token.AccessToken;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
