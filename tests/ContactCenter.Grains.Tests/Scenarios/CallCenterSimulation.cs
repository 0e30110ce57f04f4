using System.Collections.Immutable;
using ContactCenter.Actors;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Agents;
using ContactCenter.Grains.Queues;
using ContactCenter.Grains.Tests.Calls;
using ContactCenter.TestSupport;

namespace ContactCenter.Grains.Tests.Scenarios;

/// <summary>Drives a contact center on a test cluster on fake time, one simulated second per tick: callers arrive at
/// random queues and give up after their patience, agents' phones answer after a few seconds (or, for some agents,
/// mostly not), conversations last a random handle time and end from either side, agents paused by the no-answer
/// policy come back after a minute. Seeded, so a failure can be replayed.</summary>
internal sealed class CallCenterSimulation(TestCluster cluster, FakeTimeProvider time, InMemoryAgentConfiguration agents,
    InMemoryQueueConfiguration queues, SimulationPlan plan)
{
    public const string MissedPause = "missed";
    public const string ExternalOverflow = "+48800000000";

    private readonly Random _random = new(plan.Seed);
    private readonly ScriptedCallMedia _media = new();
    private readonly PriorityQueue<Func<Task>, DateTimeOffset> _due = new();
    private readonly HashSet<string> _live = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, double> _answerRate = new(StringComparer.Ordinal);
    private ICallMedia _mediaReference = null!;

    public List<string> QueueIds { get; } = [];

    public List<string> AgentIds { get; } = [];

    public List<string> CallIds { get; } = [];

    private IGrainFactory Grains => cluster.Client;

    /// <summary>Configures queues (a few overflow to another queue, one to an external number), agents in one to three
    /// queues each, the no-answer policy, and logs every agent in.</summary>
    public async Task SetUpAsync()
    {
        _mediaReference = cluster.Client.CreateObjectReference<ICallMedia>(_media);
        agents.Put(new PauseCode { Id = MissedPause, Name = "Missed calls", Kind = PauseKind.Work });
        agents.DefaultNoAnswerPolicy = new NoAnswerPolicy { Id = "strikes", Name = "Three strikes", MaxMisses = 3, PauseCodeId = MissedPause };
        for (var q = 0; q < plan.Queues; q++)
        {
            QueueIds.Add($"{plan.Prefix}-q{q:00}");
        }
        for (var q = 0; q < plan.Queues; q++)
        {
            var overflow = q switch
            {
                < 4 => [Overflow(TimeSpan.FromSeconds(120), new RoutingTarget(RoutingTargetKind.Queue, QueueIds[q + plan.Queues / 2]))],
                _ when q == plan.Queues - 1 => [Overflow(TimeSpan.FromSeconds(300), new RoutingTarget(RoutingTargetKind.ExternalNumber, ExternalOverflow))],
                _ => ImmutableArray<OverflowRule>.Empty,
            };
            queues.Put(new Queue
            {
                Id = QueueIds[q],
                Name = QueueIds[q],
                Priority = 10 * (q % 3),
                WrapUpTime = TimeSpan.FromSeconds(q % 2 == 0 ? 5 : 0),
                RingTimeout = TimeSpan.FromSeconds(15),
                Overflow = overflow,
            });
        }
        for (var a = 0; a < plan.Agents; a++)
        {
            var agentId = $"{plan.Prefix}-a{a:000}";
            AgentIds.Add(agentId);
            _answerRate[agentId] = a % 10 == 0 ? 0.3 : 0.97;
            var memberships = QueueIds.OrderBy(_ => _random.Next()).Take(1 + _random.Next(3))
                .Select(q => new QueueMembership(q, 1 + _random.Next(3)));
            agents.Put(new AgentProfile
            {
                Id = agentId,
                Version = 1,
                Name = agentId,
                Queues = [.. memberships],
                Capacities = [new MediumCapacity(Medium.Voice, 1)],
            });
        }
        await Task.WhenAll(AgentIds.Select(async id =>
        {
            Assert.True((await Grains.GetGrain<IAgentGrain>(id).LogInAsync()).Succeeded, $"log-in of {id}");
            await Grains.GetGrain<IAgentRouterGrain>(id).RunAsync();
        }));
    }

    /// <summary>Runs until every call ended (or the tick budget is spent), then lets wrap-ups run out.</summary>
    public async Task RunAsync(Func<int, Task>? onTick = null)
    {
        var start = time.GetUtcNow();
        var arrivals = Enumerable.Range(0, plan.Calls)
            .Select(i => (At: start + TimeSpan.FromSeconds(_random.NextDouble() * plan.ArrivalWindow.TotalSeconds), Id: $"{plan.Prefix}-c{i:0000}"))
            .OrderBy(a => a.At).ToList();
        foreach (var (at, id) in arrivals)
        {
            CallIds.Add(id);
            _due.Enqueue(() => ArriveAsync(id), at);
        }
        var budget = (int)(plan.ArrivalWindow.TotalSeconds + plan.DrainTime.TotalSeconds);
        for (var tick = 0; tick < budget && (_due.Count > 0 || _live.Count > 0); tick++)
        {
            await RunDueAsync();
            React(_media.Drain());
            if (tick % 30 == 0)
            {
                await ResumeMissedAsync();
            }
            await SettleLiveCallsAsync();
            if (onTick is not null)
            {
                await onTick(tick);
            }
            time.Advance(TimeSpan.FromSeconds(1));
        }
        for (var second = 0; second < 30; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>After a silo was killed: moves the clock a heartbeat at a time until every survivor's view has the victim
    /// dead, so calls to grains it hosted go to new activations (on fake time nothing happens unless the clock moves).</summary>
    public void SettleAfterKill(Silo victim)
    {
        var step = TimeSpan.FromMilliseconds(200);
        for (var i = 0; i < 100 && !cluster.Silos.Where(s => s != victim).All(s => IsDead(s, victim)); i++)
        {
            time.Advance(step);
        }
        Assert.True(cluster.Silos.Where(s => s != victim).All(s => IsDead(s, victim)), $"the survivors did not declare {victim.Address} dead");
    }

    private static bool IsDead(Silo observer, Silo victim) =>
        observer.Membership.Members.Any(m => m.Address == victim.Address && m.Status == MemberStatus.Dead);

    /// <summary>Random choices are made before the first await: the actions of one tick run concurrently.</summary>
    private async Task ArriveAsync(string callId)
    {
        var arrival = new CallArrival
        {
            From = $"+4822{_random.Next(1_000_000, 9_999_999)}",
            To = "200",
            Media = _mediaReference,
            Target = new RoutingTarget(RoutingTargetKind.Queue, QueueIds[_random.Next(QueueIds.Count)]),
            CallerBoost = _random.Next(20) == 0 ? 5 : 0,
        };
        var giveUpAt = time.GetUtcNow() + TimeSpan.FromSeconds(60 + _random.Next(540));
        var result = await Grains.GetGrain<ICallGrain>(callId).ArriveAsync(arrival);
        Assert.True(result.Succeeded, $"arrival of {callId}: {result.Message}");
        lock (_gate)
        {
            _live.Add(callId);
            _due.Enqueue(() => AbandonIfWaitingAsync(callId), giveUpAt);
        }
    }

    /// <summary>Turns the front end's commands into the far ends' future reactions.</summary>
    private void React(List<MediaCommand> commands)
    {
        var now = time.GetUtcNow();
        foreach (var command in commands)
        {
            switch (command.Name)
            {
                case nameof(ICallMedia.RingAgentAsync) when command.Argument is AgentLegRequest ring:
                    if (_random.NextDouble() < _answerRate[ring.AgentId])
                    {
                        _due.Enqueue(() => ReportAsync(new AgentAnswered(command.CallId, ring.AgentId)), now + TimeSpan.FromSeconds(1 + _random.Next(6)));
                    }
                    break;
                case nameof(ICallMedia.BridgeAsync) when command.Argument is string agentId:
                    var handle = TimeSpan.FromSeconds(20 + _random.Next(220));
                    var byCaller = _random.Next(2) == 0;
                    _due.Enqueue(() => byCaller
                        ? ReportAsync(new CallerHungUp(command.CallId))
                        : Grains.GetGrain<ICallGrain>(command.CallId).HangUpAsync(agentId), now + handle);
                    break;
            }
        }
    }

    private async Task RunDueAsync()
    {
        var now = time.GetUtcNow();
        var batch = new List<Func<Task>>();
        while (_due.TryPeek(out _, out var at) && at <= now)
        {
            batch.Add(_due.Dequeue());
        }
        await Task.WhenAll(batch.Select(action => action()));
    }

    private async Task AbandonIfWaitingAsync(string callId)
    {
        var call = Grains.GetGrain<ICallGrain>(callId);
        if ((await call.GetStatusAsync()).Phase is CallPhase.Queued or CallPhase.Ringing)
        {
            await call.OnMediaEventAsync(new CallerHungUp(callId));
        }
    }

    private Task ReportAsync(CallMediaEvent mediaEvent) => Grains.GetGrain<ICallGrain>(mediaEvent.CallId).OnMediaEventAsync(mediaEvent);

    /// <summary>Agents the no-answer policy paused come back a minute later.</summary>
    private async Task ResumeMissedAsync()
    {
        var statuses = await Task.WhenAll(AgentIds.Select(id => Grains.GetGrain<IAgentGrain>(id).GetStatusAsync()));
        lock (_gate)
        {
            foreach (var status in statuses.Where(s => s.PauseCodeId == MissedPause))
            {
                var agent = Grains.GetGrain<IAgentGrain>(status.AgentId);
                _due.Enqueue(() => agent.ResumeAsync(), time.GetUtcNow() + TimeSpan.FromSeconds(60));
            }
        }
    }

    /// <summary>A barrier: a status read of every live call runs after the turns already queued for it (offers
    /// included), so their commands reach the front end before time moves on.</summary>
    private async Task SettleLiveCallsAsync()
    {
        var live = _live.ToList();
        var statuses = await Task.WhenAll(live.Select(id => Grains.GetGrain<ICallGrain>(id).GetStatusAsync()));
        foreach (var status in statuses.Where(s => s.Phase == CallPhase.Ended))
        {
            _live.Remove(status.CallId);
        }
    }

    private static OverflowRule Overflow(TimeSpan wait, RoutingTarget target) =>
        new() { Condition = OverflowCondition.WaitTime, Target = target, MaxWait = wait };
}
