// Contact-center mode: `dotnet run -c Release --project tests/ContactCenter.Benchmarks -- callcenter [--samples N] [--seconds S]`.
//
// 1. Routing decision through the grains, 1,000 agents, 50 queues, 10,000 waiting calls (one in-process silo): an agent
//    that was paused resumes, then its router's run is timed — the heads of its three queues, the pull decision, the
//    claim through the queue and the agent's arbiter, both journal appends — i.e. "agent ready → offer made". The offer
//    is then given back and the agent paused again, so every sample sees the same 10,000 waiting. Agent routing's
//    automatic runs are off, so only the timed run routes.
// 2. Calls through the grains (one in-process silo, routing on): 200 agents in 10 queues, no wrap-up; C callers in a
//    closed loop, each call: arrive → queued → offered (push or pull) → ring → answer → bridge → caller hangs up → end.
//    The far ends (caller, agent phone) are an in-process front end that answers and hangs up at once. Reports calls/s
//    and the per-call latency from arrival to the end, and from arrival to the agent's phone ringing.
using System.Diagnostics;
using ContactCenter.Benchmarks.Latency;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Grains.Agents;
using ContactCenter.Grains.Calls;
using ContactCenter.Grains.Queues;
using ContactCenter.Grains.Routing;
using ContactCenter.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks.CallCenter;

public static class CallCenterRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var samples = Option(args, "--samples", 3_000);
        var seconds = Option(args, "--seconds", 10);
        Console.WriteLine($"callcenter mode: {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine(LatencySamples.Header);
        Console.WriteLine(await RoutingDecisionAsync(samples));
        foreach (var concurrency in new[] { 1, 16, 64 })
        {
            foreach (var row in await CallsAsync(concurrency, TimeSpan.FromSeconds(seconds)))
            {
                Console.WriteLine(row);
            }
        }
        return 0;
    }

    private static async Task<LatencySamples> RoutingDecisionAsync(int samples)
    {
        const int Queues = 50, Agents = 1_000, Waiting = 10_000;
        var agents = new InMemoryAgentConfiguration();
        var queues = new InMemoryQueueConfiguration();
        await using var cluster = await StartAsync(agents, queues, routing: false);
        var grains = cluster.Silos[0].GrainFactory;
        var random = new Random(4);
        agents.Put(new PauseCode { Id = "bench", Name = "Benchmark", Kind = PauseKind.Work });
        for (var q = 0; q < Queues; q++)
        {
            queues.Put(new Queue { Id = $"q{q}", Name = $"q{q}", Priority = 10 * (q % 3) });
        }
        for (var w = 0; w < Waiting; w++)
        {
            await grains.GetGrain<IQueueGrain>($"q{w % Queues}").EnqueueAsync(new EnqueueRequest { WorkId = $"w{w}", CallerBoost = random.Next(3) });
        }
        for (var a = 0; a < Agents; a++)
        {
            agents.Put(new AgentProfile
            {
                Id = $"a{a}",
                Version = 1,
                Name = $"a{a}",
                Queues = [.. Enumerable.Range(0, 3).Select(i => new QueueMembership($"q{(a + (i * 17)) % Queues}", 1 + random.Next(3)))],
                Capacities = [new MediumCapacity(Medium.Voice, 1)],
            });
            var agent = grains.GetGrain<IAgentGrain>($"a{a}");
            await agent.LogInAsync();
            await agent.PauseAsync("bench");
            await grains.GetGrain<IAgentRouterGrain>($"a{a}").RunAsync(); // joins its queues; nothing to pull while paused
        }
        var ticks = new long[samples];
        var gc = GcCounter.Start();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < samples; i++)
        {
            var agentId = $"a{i % Agents}";
            var agent = grains.GetGrain<IAgentGrain>(agentId);
            await agent.ResumeAsync();
            var before = Stopwatch.GetTimestamp();
            var run = await grains.GetGrain<IAgentRouterGrain>(agentId).RunAsync();
            ticks[i] = Stopwatch.GetTimestamp() - before;
            var claimed = run.Claimed.Single();
            // Paused first, so the returned work is not pushed straight back to the agent.
            await agent.PauseAsync("bench");
            await grains.GetGrain<IQueueGrain>(claimed.ChosenQueueId!)
                .ReturnOfferAsync(claimed.ChosenWorkItemId!, agentId, ReleaseReason.Withdrawn);
        }
        return LatencySamples.From($"pull: agent ready -> offer ({Agents} agents, {Waiting} waiting)", 1, ticks,
            Stopwatch.GetElapsedTime(started), gc.Elapsed());
    }

    private static async Task<IEnumerable<LatencySamples>> CallsAsync(int concurrency, TimeSpan measured)
    {
        const int Queues = 10, Agents = 200;
        var agents = new InMemoryAgentConfiguration();
        var queues = new InMemoryQueueConfiguration();
        await using var cluster = await StartAsync(agents, queues, routing: true);
        var silo = cluster.Silos[0];
        for (var q = 0; q < Queues; q++)
        {
            queues.Put(new Queue { Id = $"q{q}", Name = $"q{q}" });
        }
        for (var a = 0; a < Agents; a++)
        {
            agents.Put(new AgentProfile
            {
                Id = $"a{a}",
                Version = 1,
                Name = $"a{a}",
                Queues = [new QueueMembership($"q{a % Queues}"), new QueueMembership($"q{(a + 3) % Queues}")],
                Capacities = [new MediumCapacity(Medium.Voice, 1)],
            });
            await silo.GrainFactory.GetGrain<IAgentGrain>($"a{a}").LogInAsync();
            await silo.GrainFactory.GetGrain<IAgentRouterGrain>($"a{a}").RunAsync();
        }
        var farEnds = new InstantFarEnds(silo.GrainFactory);
        var media = silo.GrainFactory.CreateObjectReference<Contracts.Calls.Media.ICallMedia>(farEnds);
        var next = 0;

        async Task<(long Total, long ToRing)> OneCallAsync()
        {
            var callId = $"c{Interlocked.Increment(ref next)}";
            var ended = farEnds.Expect(callId);
            var before = Stopwatch.GetTimestamp();
            await silo.GrainFactory.GetGrain<ICallGrain>(callId).ArriveAsync(new CallArrival
            {
                From = "+48221234567",
                To = "200",
                Media = media,
                Target = new RoutingTarget(RoutingTargetKind.Queue, $"q{callId.GetHashCode() & 7}"),
            });
            var rang = await ended;
            return (Stopwatch.GetTimestamp() - before, rang - before);
        }

        await ClosedLoopAsync(concurrency, TimeSpan.FromSeconds(2), OneCallAsync);
        var gc = GcCounter.Start();
        var (total, toRing, elapsed) = await ClosedLoopAsync(concurrency, measured, OneCallAsync);
        var collections = gc.Elapsed();
        return
        [
            LatencySamples.From("call: arrive -> ended (instant far ends)", concurrency, total, elapsed, collections),
            LatencySamples.From("call: arrive -> agent phone rings", concurrency, toRing, elapsed, collections),
        ];
    }

    private static async Task<(long[] Total, long[] ToRing, TimeSpan Elapsed)> ClosedLoopAsync(int concurrency, TimeSpan duration,
        Func<Task<(long Total, long ToRing)>> call)
    {
        var total = new List<long>[concurrency];
        var toRing = new List<long>[concurrency];
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async c =>
        {
            total[c] = [];
            toRing[c] = [];
            while (Stopwatch.GetTimestamp() < end)
            {
                var (t, r) = await call();
                total[c].Add(t);
                toRing[c].Add(r);
            }
        }));
        return ([.. total.SelectMany(t => t)], [.. toRing.SelectMany(t => t)], Stopwatch.GetElapsedTime(started));
    }

    private static Task<TestCluster> StartAsync(InMemoryAgentConfiguration agents, InMemoryQueueConfiguration queues, bool routing) =>
        TestCluster.StartAsync(new TestClusterOptions
        {
            Silos = 1,
            Clients = 0,
            ConfigureServices = services =>
            {
                services.AddSingleton(agents);
                services.AddSingleton(queues);
                services.AddCalls();
                services.AddAgentRouting(options => options.Enabled = routing);
            },
        });

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
