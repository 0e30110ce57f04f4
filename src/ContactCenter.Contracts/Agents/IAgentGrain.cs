using System.Collections.Immutable;
using ContactCenter.Actors;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Contracts.Agents;

/// <summary>One agent (key: the agent profile id): presence, per-medium activities within capacity, queue log-ins,
/// counters and status history. <see cref="TryReserveAsync"/> is the single arbiter of the agent's capacity: one offer
/// per free slot. Refused commands change nothing and say why.</summary>
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Logs the agent in with its current profile and into every queue of the profile (automatic log-in).</summary>
    Task<AgentCommandResult> LogInAsync();

    /// <summary>Logs the agent out of everything; refused while work other than wrap-up is in progress (wrap-up ends).</summary>
    Task<AgentCommandResult> LogOutAsync(string? reason);

    /// <summary>Pauses with a predefined reason; work in progress continues, no new offers.</summary>
    Task<AgentCommandResult> PauseAsync(string pauseCodeId);

    /// <summary>Ends a pause.</summary>
    Task<AgentCommandResult> ResumeAsync();

    /// <summary>Logs in to one profile queue; the agent itself only where the profile allows self-service.</summary>
    Task<AgentCommandResult> LogInToQueueAsync(string queueId, AgentActor by);

    /// <summary>Logs out of one queue; the agent itself only where the profile allows self-service.</summary>
    Task<AgentCommandResult> LogOutOfQueueAsync(string queueId, AgentActor by);

    /// <summary>Re-reads the profile (skills, capacities, queues) after a configuration change.</summary>
    Task<AgentCommandResult> RefreshProfileAsync();

    /// <summary>The arbiter: reserves one slot for the work when the agent is available, logged in to the queue,
    /// ready for the medium with a slot free and qualified; otherwise says which rule refused.</summary>
    Task<ReservationResult> TryReserveAsync(ReservationRequest request);

    /// <summary>The agent's pull round (run by <see cref="IAgentRouterGrain"/>) found nothing more to take. Returns false
    /// and ends the round, so pushes are accepted again; returns true, keeping the round open, when a push was refused
    /// during it: the caller pulls again, because the refused work may now be the best. With <paramref name="force"/>
    /// the round ends regardless (the caller gave up repeating it).</summary>
    Task<bool> EndPullAsync(bool force = false);

    /// <summary>The reserved offer starts ringing at the agent.</summary>
    Task<AgentCommandResult> RingAsync(string workId);

    /// <summary>The agent answered (accepted) a reserved or ringing offer.</summary>
    Task<AgentCommandResult> AnswerAsync(string workId);

    /// <summary>Gives back a reserved or ringing slot (declined, rang out, withdrawn).</summary>
    Task<AgentCommandResult> ReleaseAsync(string workId, ReleaseReason reason);

    /// <summary>The conversation ended: wrap-up for the queue's wrap-up time, or the slot frees at once.</summary>
    Task<AgentCommandResult> EndWorkAsync(string workId);

    /// <summary>The agent ends wrap-up before its time is up.</summary>
    Task<AgentCommandResult> FinishWrapUpAsync(string workId);

    /// <summary>The front end reports on the agent's persistent line: up, or could not be opened or dropped. A lost line
    /// pauses an available agent (<c>line-lost</c>); resuming opens a new one. Reports of a line the agent no longer holds
    /// are ignored.</summary>
    Task OnLineEventAsync(AgentLineEvent lineEvent);

    /// <summary>Where a front end that does not hold the agent's persistent line sends an offer for it: the
    /// <see cref="AgentLineEvent.OfferAddress"/> of the line while it is up; null without an up line (ring per call, or
    /// the line is opening or lost).</summary>
    Task<string?> GetLineOfferAddressAsync();

    /// <summary>Starts a new counting period.</summary>
    Task<AgentCommandResult> ResetCountersAsync();

    /// <summary>What routing needs to know of the agent now.</summary>
    [ReadOnly]
    Task<AgentSnapshot> GetSnapshotAsync();

    /// <summary>The full current status.</summary>
    [ReadOnly]
    Task<AgentStatus> GetStatusAsync();

    /// <summary>Displayed-state intervals overlapping [<paramref name="from"/>, <paramref name="to"/>), oldest first,
    /// from the grain's recent history (the full history is the journal's projection).</summary>
    [ReadOnly]
    Task<ImmutableArray<AgentStatusInterval>> GetStatusHistoryAsync(DateTimeOffset from, DateTimeOffset to);
}
