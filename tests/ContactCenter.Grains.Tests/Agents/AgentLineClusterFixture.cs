using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Agents;
using ContactCenter.Grains.Calls;
using ContactCenter.Grains.Queues;
using ContactCenter.Grains.Tests.Calls;
using ContactCenter.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Grains.Tests.Agents;

/// <summary>One in-process cluster (two silos, one client) on fake time with agents and the front ends' registry, where
/// one scripted front end (<see cref="Media"/>, living in the client) is announced: agents with a persistent line open it
/// there. Tests use fresh agent ids.</summary>
public sealed class AgentLineClusterFixture : IAsyncLifetime
{
    /// <summary>The scripted front end's name in the registry.</summary>
    public const string FrontEndId = "fe-1";

    private TestCluster? _cluster;
    private ICallMedia? _reference;

    public FakeTimeProvider Time { get; } = new();

    public InMemoryAgentConfiguration Configuration { get; } = new();

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster has not started");

    /// <summary>The scripted front end; it records line commands under the agent's id.</summary>
    public ScriptedCallMedia Media { get; } = new();

    /// <summary>A fresh agent whose profile has <paramref name="lineMode"/>; not logged in. The front end is announced
    /// (again: the registry keeps announcements in memory, and an idle registry is collected when a test advances the
    /// clock).</summary>
    public async Task<(IAgentGrain Agent, string AgentId)> NewAgentAsync(LineMode lineMode)
    {
        await Cluster.Client.GetGrain<ICallMediaRegistry>(ICallMediaRegistry.Key).AnnounceAsync(FrontEndId, _reference!, "dc1", TimeSpan.FromDays(365));
        var agentId = $"line-agent-{Guid.NewGuid():N}";
        Configuration.Put(AgentBuild.Profile(agentId) with { LineMode = lineMode, Phone = "+15550142" });
        return (Cluster.Client.GetGrain<IAgentGrain>(agentId), agentId);
    }

    public async ValueTask InitializeAsync()
    {
        Configuration.Put(AgentBuild.Lunch);
        _cluster = await TestCluster.StartAsync(new TestClusterOptions
        {
            Silos = 2,
            Time = Time,
            ConfigureServices = services =>
            {
                services.AddSingleton(Configuration);
                services.AddAgents();
                services.AddQueues(); // agents tell their queues of every change
                // The front ends' registry without routing: an agent on its own is collected when idle.
                services.AddGrain<ICallMediaRegistry, CallMediaRegistryGrain>();
                services.AddSerializerContext(CallJsonContext.Default);
            },
        });
        _reference = Cluster.Client.CreateObjectReference<ICallMedia>(Media);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
