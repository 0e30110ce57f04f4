using ContactCenter.Contracts.Agents;
using ContactCenter.Grains.Agents;
using ContactCenter.Grains.Queues;
using ContactCenter.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Grains.Tests.Agents;

/// <summary>One in-process cluster (two silos, one client) on fake time with the agent grain and an in-memory
/// configuration; tests use fresh agent ids.</summary>
public sealed class AgentClusterFixture : IAsyncLifetime
{
    private TestCluster? _cluster;

    public FakeTimeProvider Time { get; } = new();

    public InMemoryAgentConfiguration Configuration { get; } = new();

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster has not started");

    /// <summary>A fresh agent with the standard test profile; the lunch pause code exists.</summary>
    public IAgentGrain NewAgent(out string agentId)
    {
        agentId = $"agent-{Guid.NewGuid():N}";
        Configuration.Put(AgentBuild.Profile(agentId));
        return Cluster.Client.GetGrain<IAgentGrain>(agentId);
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
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
