using ContactCenter.Actors;
using ContactCenter.Actors.InMemory;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Grains.Agents;
using ContactCenter.Grains.Queues;
using ContactCenter.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Grains.Tests.Queues;

/// <summary>One in-process cluster (two silos, one client) on fake time with the agent and queue grains and in-memory
/// configuration; tests use fresh queue and agent ids.</summary>
public sealed class QueueClusterFixture : IAsyncLifetime
{
    private TestCluster? _cluster;

    public FakeTimeProvider Time { get; } = new();

    public InMemoryAgentConfiguration Agents { get; } = new();

    public InMemoryQueueConfiguration Queues { get; } = new();

    /// <summary>The journal every process of the cluster appends to (the cluster's in-memory one, recorded).</summary>
    public RecordingJournal Journal { get; private set; } = null!;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster has not started");

    /// <summary>A fresh queue built from <see cref="QueueBuild.Queue"/>, adjusted by <paramref name="adjust"/>.</summary>
    public IQueueGrain NewQueue(out string queueId, Func<Queue, Queue>? adjust = null)
    {
        queueId = $"queue-{Guid.NewGuid():N}";
        var queue = QueueBuild.Queue(queueId);
        Queues.Put(adjust is null ? queue : adjust(queue));
        return Cluster.Client.GetGrain<IQueueGrain>(queueId);
    }

    /// <summary>A fresh agent (voice 1, english 7) whose profile holds <paramref name="queueId"/>, logged in; its idle
    /// time starts now.</summary>
    public async Task<IAgentGrain> LoggedInAgentAsync(string queueId, string name)
    {
        var agentId = $"{name}-{Guid.NewGuid():N}";
        Agents.Put(new AgentProfile
        {
            Id = agentId,
            Version = 1,
            Name = name,
            Skills = [new SkillLevel("english", 7)],
            Queues = [new QueueMembership(queueId)],
            Capacities = [new MediumCapacity(Medium.Voice, 1)],
        });
        var agent = Cluster.Client.GetGrain<IAgentGrain>(agentId);
        Assert.True((await agent.LogInAsync()).Succeeded, $"log-in of {agentId}");
        return agent;
    }

    public async ValueTask InitializeAsync()
    {
        Journal = new RecordingJournal(new InMemoryEventJournal(Time));
        _cluster = await TestCluster.StartAsync(new TestClusterOptions
        {
            Silos = 2,
            Time = Time,
            ConfigureServices = services =>
            {
                // Registered after the cluster's providers, so it is the journal the runtime resolves.
                services.AddSingleton<IEventJournal>(Journal);
                services.AddSingleton(Agents);
                services.AddSingleton(Queues);
                services.AddAgents();
                services.AddQueues();
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
