using System.Collections.Immutable;
using System.Text.Json;
using ContactCenter.Actors;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Queues.Events;
using ContactCenter.Grains.Agents;
using ContactCenter.Grains.Calls;
using ContactCenter.Grains.Ivr;
using ContactCenter.Grains.Queues;
using ContactCenter.Grains.Tests.Calls;
using ContactCenter.Grains.Tests.Queues;
using ContactCenter.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Grains.Tests.Routing;

/// <summary>One in-process cluster (two silos, one client) on fake time with calls and agent routing on
/// (<see cref="CallServiceCollectionExtensions.AddCalls"/>): agents tell their queues and pull by themselves, and calls
/// drive a scripted front end (<see cref="Media"/>) living in the client. Tests use fresh call, queue and agent ids.</summary>
public sealed class RoutingClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = QueueJsonContext.Default };

    private TestCluster? _cluster;

    public FakeTimeProvider Time { get; } = new();

    public InMemoryAgentConfiguration Agents { get; } = new();

    public InMemoryQueueConfiguration Queues { get; } = new();

    /// <summary>IVR trees calls enter.</summary>
    public InMemoryIvrTrees Trees { get; } = new();

    /// <summary>What IVR nodes ask outside the call (announcements, lookups, callbacks, voicemail).</summary>
    public InMemoryIvrServices IvrServices { get; } = new();

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster has not started");

    /// <summary>The scripted front end; calls reach it through <see cref="MediaReference"/>.</summary>
    public ScriptedCallMedia Media { get; } = new();

    /// <summary>The observer reference to <see cref="Media"/> that arrivals hand to call grains.</summary>
    public ICallMedia MediaReference { get; private set; } = null!;

    /// <summary>A fresh queue (<see cref="QueueBuild.Queue"/> with the given priority); its id starts with
    /// <paramref name="name"/>.</summary>
    public IQueueGrain NewQueue(string name, int priority = 10)
    {
        var queueId = $"{name}-{Guid.NewGuid():N}";
        Queues.Put(QueueBuild.Queue(queueId) with { Priority = priority });
        return Cluster.Client.GetGrain<IQueueGrain>(queueId);
    }

    /// <summary>A fresh agent (english 7, voice 1 unless <paramref name="capacities"/> say otherwise) serving the queues
    /// with the given priorities; not logged in.</summary>
    public IAgentGrain NewAgent(string name, ImmutableArray<QueueMembership> queues, ImmutableArray<MediumCapacity>? capacities = null)
    {
        var agentId = $"{name}-{Guid.NewGuid():N}";
        Agents.Put(new AgentProfile
        {
            Id = agentId,
            Version = 1,
            Name = name,
            Skills = [new SkillLevel("english", 7)],
            Queues = queues,
            Capacities = capacities ?? [new MediumCapacity(Medium.Voice, 1)],
        });
        return Cluster.Client.GetGrain<IAgentGrain>(agentId);
    }

    /// <summary>Waits until the agent holds exactly <paramref name="workIds"/>.</summary>
    public Task HoldsAsync(IAgentGrain agent, params string[] workIds) =>
        Eventually.TrueAsync(
            async () => (await agent.GetStatusAsync()).Work.Select(w => w.WorkId).Order(StringComparer.Ordinal)
                .SequenceEqual(workIds.Order(StringComparer.Ordinal)),
            Wait, $"agent {agent.GetPrimaryKeyString()} to hold [{string.Join(", ", workIds)}]");

    /// <summary>The queue's journal events.</summary>
    public async Task<List<QueueEvent>> JournalAsync(IQueueGrain queue)
    {
        var records = await Cluster.Storage.Journal.ReadStreamAsync(
            new GrainId(typeof(IQueueGrain).FullName!, queue.GetPrimaryKeyString()).ToString(), 0, 1000,
            TestContext.Current.CancellationToken);
        return [.. records.Select(r => JsonSerializer.Deserialize<QueueEvent>(r.Json, Options)!)];
    }

    public async ValueTask InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync(new TestClusterOptions
        {
            Silos = 2,
            Time = Time,
            ConfigureServices = services =>
            {
                services.AddSingleton(Agents);
                services.AddSingleton(Queues);
                services.AddSingleton(Trees);
                services.AddSingleton(IvrServices);
                services.AddCalls();
            },
        });
        MediaReference = Cluster.Client.CreateObjectReference<ICallMedia>(Media);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
