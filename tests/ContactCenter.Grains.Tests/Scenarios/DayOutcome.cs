using System.Text.Json;
using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.LiveViews;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Queues.Events;
using ContactCenter.Contracts.Reporting;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Routing;
using ContactCenter.TestSupport;

namespace ContactCenter.Grains.Tests.Scenarios;

/// <summary>Every call, agent and queue at the end of a simulated day, and the checks every day must pass.</summary>
internal sealed record DayOutcome(CallStatus[] Calls, AgentStatus[] Agents, QueueSnapshot[] Queues)
{
    public int Completed => Calls.Count(c => c.EndReason == CallEndReason.Completed);

    public int Abandoned => Calls.Count(c => c.EndReason == CallEndReason.Abandoned);

    /// <summary>Reads the day once every agent is free again (wrap-ups run out on their own deadlines).</summary>
    public static async Task<DayOutcome> ReadAsync(IGrainFactory grains, CallCenterSimulation simulation)
    {
        await Eventually.TrueAsync(async () =>
            {
                var statuses = await Task.WhenAll(simulation.AgentIds.Select(id => grains.GetGrain<IAgentGrain>(id).GetStatusAsync()));
                return statuses.All(s => s.Work.IsEmpty);
            },
            TimeSpan.FromSeconds(30), "every agent to hold no work after the day");
        return new DayOutcome(
            await Task.WhenAll(simulation.CallIds.Select(id => grains.GetGrain<ICallGrain>(id).GetStatusAsync())),
            await Task.WhenAll(simulation.AgentIds.Select(id => grains.GetGrain<IAgentGrain>(id).GetStatusAsync())),
            await Task.WhenAll(simulation.QueueIds.Select(id => grains.GetGrain<IQueueGrain>(id).GetSnapshotAsync())));
    }

    /// <summary>Every call ended as answered, abandoned in queue or while ringing, or forwarded by overflow; nothing
    /// waits in a queue; each queue's arrivals equal what left it. With <paramref name="exactCounters"/>, answers and
    /// abandons also agree between calls and queues (a failover may turn a queue's answer into a withdrawal: the call's
    /// report to a queue whose silo just died is not retried).</summary>
    public void AssertEveryCallAccountedFor(bool exactCounters = true)
    {
        var open = Calls.Where(c => c.Phase != CallPhase.Ended).Select(c => $"{c.CallId}:{c.Phase}").ToList();
        Assert.True(open.Count == 0, $"calls not ended: {string.Join(", ", open.Take(20))}");
        var unexpected = Calls.Where(c => c.EndReason is not (CallEndReason.Abandoned or CallEndReason.Completed or CallEndReason.Forwarded))
            .Select(c => $"{c.CallId}:{c.EndReason}").ToList();
        Assert.True(unexpected.Count == 0, $"unexpected end reasons: {string.Join(", ", unexpected.Take(20))}");
        Assert.All(Calls.Where(c => c.EndReason == CallEndReason.Abandoned),
            c => Assert.True(c.AbandonPhase is AbandonPhase.InQueue or AbandonPhase.RingingAtAgent, $"{c.CallId} abandoned {c.AbandonPhase}"));
        var left = Queues.SelectMany(q => q.Waiting.Select(w => $"{w.Work.Id} in {q.QueueId} offered to {w.OfferedTo}")).ToList();
        Assert.True(left.Count == 0, $"work left in queues after every call ended: {string.Join(", ", left)}");
        if (exactCounters)
        {
            Assert.Equal(Completed, Queues.Sum(q => q.Counters.Answered));
            Assert.Equal(Abandoned, Queues.Sum(q => q.Counters.Abandoned));
        }
        Assert.All(Queues, q => Assert.Equal(q.Counters.Offered,
            q.Counters.Answered + q.Counters.Abandoned + q.Counters.Overflowed + q.Counters.Withdrawn));
    }

    /// <summary>The interaction-facts projection agrees with every call's own fold of its journal: one fact per call, at
    /// the call's journal version, with the same queue, answer, end, abandon phase and missed agents.</summary>
    public void AssertFactsAgreeWithCalls(IReadOnlyDictionary<string, InteractionFact> facts)
    {
        Assert.Equal(Calls.Length, facts.Count);
        Assert.All(Calls, call =>
        {
            var fact = facts[call.CallId];
            Assert.Equal(
                (call.Version, call.QueueId, call.ConnectedAt, call.EndedAt, call.EndReason, call.AbandonPhase, call.StartedAt),
                (fact.Version, fact.QueueId, fact.AnsweredAt, fact.EndedAt, fact.EndReason, fact.AbandonPhase, (DateTimeOffset?)fact.StartedAt));
            Assert.Equal(call.MissedBy, fact.MissedBy);
            Assert.Equal(call.EndReason == CallEndReason.Completed ? call.AgentId : null, fact.AgentId);
            Assert.Equal(call.ConversationEndedAt, fact.ConversationEndedAt);
        });
        Assert.Equal(Completed, facts.Values.Count(f => f.IsAnswered));
    }

    /// <summary>The site's live aggregate (fed from the journal) agrees with a recount from the grains themselves: every
    /// queue's counters and waiting work, the totals, and the agents by displayed state.</summary>
    public void AssertSiteFiguresAgree(SiteLiveStatus site)
    {
        foreach (var queue in Queues)
        {
            var live = Assert.Single(site.Queues, q => q.QueueId == queue.QueueId);
            Assert.Equal(queue.Counters with { Since = default }, live.Counters with { Since = default });
            Assert.Equal(queue.Waiting.Length, live.Waiting);
        }
        Assert.Equal(Queues.Sum(q => q.Counters.Answered), site.Totals.Answered);
        Assert.Equal(Queues.Sum(q => q.Counters.Abandoned), site.Totals.Abandoned);
        Assert.Equal(Queues.Sum(q => q.Counters.Offered), site.Totals.Offered);
        var shown = Agents.Where(a => a.Presence != Presence.LoggedOut).Select(a => a.Displayed.State).ToList();
        Assert.Equal(
            (shown.Count, shown.Count(s => s == DisplayedState.Available), shown.Count(s => s == DisplayedState.Paused), shown.Count(s => s == DisplayedState.Busy)),
            (site.Agents.LoggedIn, site.Agents.Available, site.Agents.Paused, site.Agents.Busy));
    }

    /// <summary>"Why this agent?" holds for the whole day: every push and pull decision the queues journaled, replayed
    /// through the routing functions from its recorded inputs, comes out the same; and every pull took the highest work
    /// priority it could take and, within equal work and agent priority, the earliest arrival (FIFO across the agent's
    /// queues; sticky holds and work the agent already let ring out are set aside).</summary>
    public static async Task AssertDecisionsReplayAsync(IEventJournal journal, int expectedAtLeast)
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = QueueJsonContext.Default };
        var replayed = 0;
        var queueStream = typeof(IQueueGrain).FullName + "/";
        long after = 0;
        while (true)
        {
            var page = await journal.ReadAllAsync(after, 1000, TestContext.Current.CancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            after = page[^1].Position;
            foreach (var record in page.Where(r => r.StreamId.StartsWith(queueStream, StringComparison.Ordinal)))
            {
                if (record.EventType == nameof(WorkOffered))
                {
                    var decision = ((WorkOffered)JsonSerializer.Deserialize<QueueEvent>(record.Json, options)!).Decision;
                    Assert.Equal(JsonSerializer.Serialize(decision, options), JsonSerializer.Serialize(PushRouter.Decide(decision.Input), options));
                    replayed++;
                }
                else if (record.EventType == nameof(WorkClaimed))
                {
                    var decision = ((WorkClaimed)JsonSerializer.Deserialize<QueueEvent>(record.Json, options)!).Decision;
                    Assert.Equal(JsonSerializer.Serialize(decision, options), JsonSerializer.Serialize(PullRouter.Decide(decision.Input), options));
                    AssertFifo(decision);
                    replayed++;
                }
            }
        }
        Assert.True(replayed >= expectedAtLeast, $"only {replayed} routing decisions were journaled");
    }

    private static void AssertFifo(PullDecision decision)
    {
        if (decision.Candidates.SingleOrDefault(c => c.Rank == 1) is not { HeldForAgent: false, MissedByAgent: false } chosen)
        {
            return;
        }
        var rivals = decision.Candidates.Where(c => c.Exclusion is null && !c.HeldForAgent && !c.MissedByAgent).ToList();
        Assert.True(rivals.All(c => c.WorkPriority <= chosen.WorkPriority),
            $"{decision.Input.Agent.AgentId} took {chosen.WorkItemId} (work priority {chosen.WorkPriority}) over higher-priority work");
        var earlier = rivals.Where(c => c.WorkPriority == chosen.WorkPriority && c.AgentPriority == chosen.AgentPriority && c.ArrivedAt < chosen.ArrivedAt).ToList();
        Assert.True(earlier.Count == 0,
            $"{decision.Input.Agent.AgentId} took {chosen.WorkItemId} (arrived {chosen.ArrivedAt:O}) before {string.Join(", ", earlier.Select(c => $"{c.WorkItemId} (arrived {c.ArrivedAt:O})"))} of equal work and agent priority");
    }
}
