using System.Collections.Immutable;
using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Contracts.Queues;

/// <summary>One queue (key: the queue document id): waiting work ordered by priority then arrival, the agents logged in
/// to it, business hours, overflow and SLA counters. It pushes work to agents: it picks the best eligible agent with
/// the push routing rule and asks that agent's <see cref="IAgentGrain.TryReserveAsync"/> (the arbiter) for a slot,
/// trying the next candidate on refusal. Refused commands change nothing and say why.</summary>
public interface IQueueGrain : IGrainWithStringKey
{
    /// <summary>Work arrives: refused while the queue is closed (closed action), sent on when an overflow rule holds on
    /// arrival, otherwise queued and offered at once when an agent is free.</summary>
    Task<EnqueueResult> EnqueueAsync(EnqueueRequest request);

    /// <summary>The agent answered the work; it leaves the queue and counts as answered (within SLA or not).</summary>
    Task<QueueCommandResult> AnsweredAsync(string workId, string agentId);

    /// <summary>The caller hung up; the work leaves the queue and counts as abandoned; an offer it held is withdrawn
    /// from the agent.</summary>
    Task<QueueCommandResult> AbandonAsync(string workId);

    /// <summary>The work's owner takes it out (e.g. a transfer elsewhere); an offer it held is withdrawn from the agent.</summary>
    Task<QueueCommandResult> WithdrawAsync(string workId, string? reason);

    /// <summary>An offer came back unanswered (ring-no-answer, declined, timed out): the agent's slot is released, the
    /// work goes back to its original place and is offered again.</summary>
    /// <remarks>With <paramref name="offerId"/> (from <see cref="WorkOfferedNotice.OfferId"/>) only that offer is
    /// returned, so a late return never takes back a newer offer of the same work.</remarks>
    Task<QueueCommandResult> ReturnOfferAsync(string workId, string agentId, ReleaseReason reason, long? offerId = null);

    /// <summary>An agent logged in to the queue (called by whoever logs agents in); waiting work is offered.</summary>
    Task<QueueCommandResult> AgentJoinedAsync(string agentId);

    /// <summary>An agent logged out of the queue; overflow rules for "no agent logged in" are evaluated.</summary>
    Task<QueueCommandResult> AgentLeftAsync(string agentId);

    /// <summary>An agent of the queue changed (the agent grain tells each of its queues after every change): the queue
    /// keeps the newest snapshot of each of its agents to rank pushes with, rather than asking every agent at every
    /// placement. With <paramref name="offerWork"/> (routing is on and the agent will not pull by itself) the queue
    /// offers the agent waiting work it can take. Sent one-way: the agent never waits on a queue.</summary>
    [OneWay]
    Task AgentChangedAsync(AgentSnapshot agent, bool offerWork);

    /// <summary>What the queue offers an agent that pulls (see the waiting list's heads-for-agent rule): its first
    /// waiting item the agent qualifies for, and the first one held for the agent. Empty when nothing fits.</summary>
    [ReadOnly]
    Task<ImmutableArray<WorkItem>> GetHeadsAsync(AgentSnapshot agent);

    /// <summary>The agent's pull round chose work of this queue: the queue checks the work still waits un-offered and is
    /// not held for another agent, asks the agent's arbiter for a slot and records the offer with the pull decision
    /// ("Why this call?"). Refused with a reason when the work went elsewhere or the arbiter said no.</summary>
    Task<QueueCommandResult> ClaimAsync(PullDecision decision);

    /// <summary>Where <paramref name="workId"/> stands (position, expected wait) and how the queue treats waiting
    /// callers now, for the caller's periodic announcement (IVR-5).</summary>
    [ReadOnly]
    Task<QueueWait> GetWaitAsync(string workId);

    /// <summary>Starts a new counting period.</summary>
    Task<QueueCommandResult> ResetCountersAsync();

    /// <summary>The supervisor's view: waiting work with wait times, agents, counters.</summary>
    [ReadOnly]
    Task<QueueSnapshot> GetSnapshotAsync();
}
