using System.Collections.Immutable;
using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Grains.Calls;

internal sealed partial class CallGrain
{
    /// <summary>How many times one call may be sent on (overflow, closed action) before routing gives up: a guard
    /// against overflow rules that point at each other.</summary>
    private const int MaxRoutingHops = 8;

    /// <summary>How long a call routed straight to an agent rings.</summary>
    private static readonly TimeSpan DirectRingTimeout = TimeSpan.FromSeconds(20);

    public async Task OnQueueNoticeAsync(QueueNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        switch (notice)
        {
            case WorkOfferedNotice offered:
                var decision = await CommitAsync("offer", CallRules.Offered(Current, offered, Now));
                if (decision.Find<AgentRingStarted>() is not null)
                {
                    await AgentAsync(offered.AgentId, "ring", agent => agent.RingAsync(CallId));
                    await RingAgentAsync(offered.AgentId, offered.RingTimeout);
                }
                else if (Current.OfferId != offered.OfferId)
                {
                    await RejectStaleOfferAsync(offered);
                }
                break;
            case OfferLapsedNotice lapsed:
                var before = Current;
                await AfterRingFailedAsync(before, await CommitAsync("offer lapsed", CallRules.OfferLapsed(Current, lapsed, Now)),
                    cancel: true, returnToQueue: false);
                break;
            case WorkOverflowedNotice overflowed:
                var left = await CommitAsync("overflow",
                    CallRules.LeftQueue(Current, overflowed.QueueId, overflowed.Target, "overflow", Now));
                if (left.Find<CallLeftQueue>() is not null)
                {
                    await RouteToAsync(overflowed.Target, Current.CallerBoost, [], hops: 1);
                }
                break;
        }
    }

    /// <summary>An offer the call cannot take (it rings another offer, left that queue, or is past queueing): while the
    /// call still waits somewhere the offer goes back; otherwise the work is taken out of the queue, which frees the
    /// agent and keeps the queue from offering it again.</summary>
    private Task RejectStaleOfferAsync(WorkOfferedNotice offered) =>
        Current.Phase is CallPhase.Queued or CallPhase.Ringing
            ? QueueAsync(offered.QueueId, "return offer",
                queue => queue.ReturnOfferAsync(CallId, offered.AgentId, ReleaseReason.Withdrawn, offered.OfferId))
            : QueueAsync(offered.QueueId, "withdraw", queue => queue.WithdrawAsync(CallId, "the call no longer waits"));

    /// <summary>Sends the call to <paramref name="target"/>: a queue, one agent, or a line outside the platform.</summary>
    private async Task RouteToAsync(RoutingTarget target, int callerBoost, ImmutableArray<SkillRequirement> skills, int hops)
    {
        if (hops > MaxRoutingHops)
        {
            await EndAsync(CallEndReason.Failed, $"routing gave up after {MaxRoutingHops} hops (overflow rules loop?)");
            return;
        }
        switch (target.Kind)
        {
            case RoutingTargetKind.Queue:
                await EnqueueAsync(target.Value, callerBoost, skills, hops);
                break;
            case RoutingTargetKind.Agent:
                await RouteToAgentAsync(target.Value);
                break;
            case RoutingTargetKind.IvrTree:
                await EnterIvrAsync(target.Value, hops);
                break;
            default:
                await CommitAsync("forward", CallRules.Forwarded(Current, target, Now));
                await MediaAsync(media => media.TransferAsync(CallId, target.Value));
                break;
        }
    }

    private async Task EnqueueAsync(string queueId, int callerBoost, ImmutableArray<SkillRequirement> skills, int hops)
    {
        if (await RequestEnqueueAsync(queueId, callerBoost, skills) is not { } result)
        {
            await EndAsync(CallEndReason.Failed, $"queue {queueId} unreachable");
            return;
        }
        await OnEnqueuedAsync(queueId, callerBoost, skills, hops, result);
    }

    /// <summary>Asks the queue to take the call; null when it cannot be reached.</summary>
    private async Task<EnqueueResult?> RequestEnqueueAsync(string queueId, int callerBoost, ImmutableArray<SkillRequirement> skills)
    {
        var request = new EnqueueRequest
        {
            WorkId = CallId,
            CallerBoost = callerBoost,
            RequiredSkills = skills,
            Owner = GrainFactory.GetGrain<ICallGrain>(CallId),
        };
        try
        {
            return await GrainFactory.GetGrain<IQueueGrain>(queueId).EnqueueAsync(request);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPeerUnreachable(CallId, "queue", queueId, "enqueue", exception.Message);
            return null;
        }
    }

    /// <summary>Follows the queue's answer to an enqueue: wait with music, go on to the overflow or closed target, or
    /// end.</summary>
    private async Task OnEnqueuedAsync(string queueId, int callerBoost, ImmutableArray<SkillRequirement> skills, int hops,
        EnqueueResult result)
    {
        switch (result.Outcome)
        {
            case EnqueueOutcome.Waiting or EnqueueOutcome.Offered:
                await CommitAsync("queued", CallRules.Queued(Current, queueId, callerBoost, Now));
                // An offer made while enqueueing arrives as a notice after this turn; music until then.
                await StartWaitingAsync(result.Treatment);
                break;
            case EnqueueOutcome.Overflowed:
                await CommitAsync("overflow", CallRules.LeftQueue(Current, queueId, result.OverflowTarget!, "overflow", Now));
                await RouteToAsync(result.OverflowTarget!, callerBoost, skills, hops + 1);
                break;
            case EnqueueOutcome.Closed when result.ClosedAction is { Kind: ClosedActionKind.Forward, Target: { } forward }:
                await CommitAsync("closed", CallRules.LeftQueue(Current, queueId, forward, "closed", Now));
                await RouteToAsync(forward, callerBoost, skills, hops + 1);
                break;
            case EnqueueOutcome.Closed:
                await EndAsync(CallEndReason.Closed, $"queue {queueId} is closed", result.ClosedAction?.PromptId);
                break;
            default:
                await EndAsync(CallEndReason.Failed, $"queue {queueId} refused the call: {result.Error} {result.Message}");
                break;
        }
    }

    /// <summary>Routes to one agent (ROUTE-1): its arbiter reserves a slot and its line rings. A refusal ends the call,
    /// or (an IVR transfer node, <paramref name="endWhenRefused"/> false) is returned for the walk to go on; null when
    /// the agent took the call.</summary>
    private async Task<string?> RouteToAgentAsync(string agentId, bool endWhenRefused = true)
    {
        var reservation = await ReserveAsync(agentId, new ReservationRequest { WorkId = CallId, RingTimeout = DirectRingTimeout });
        if (!reservation.Granted)
        {
            var refusal = $"agent {agentId}: {reservation.Refusal?.ToString() ?? reservation.Message}";
            if (endWhenRefused)
            {
                await EndAsync(CallEndReason.AgentUnavailable, refusal);
            }
            return refusal;
        }
        var decision = await CommitAsync("route to agent", CallRules.OfferedDirectly(Current, agentId, DirectRingTimeout, Now));
        if (decision.Find<AgentRingStarted>() is null)
        {
            await AgentAsync(agentId, "release", agent => agent.ReleaseAsync(CallId, ReleaseReason.Withdrawn));
            return null;
        }
        await AgentAsync(agentId, "ring", agent => agent.RingAsync(CallId));
        await RingAgentAsync(agentId, DirectRingTimeout);
        return null;
    }

    private Task RingAgentAsync(string agentId, TimeSpan ringTimeout) =>
        MediaAsync(media => media.RingAgentAsync(CallId, new AgentLegRequest(agentId, Current.From ?? "", ringTimeout)));

    private async Task<ReservationResult> ReserveAsync(string agentId, ReservationRequest request)
    {
        try
        {
            return await GrainFactory.GetGrain<IAgentGrain>(agentId).TryReserveAsync(request);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPeerUnreachable(CallId, "agent", agentId, "reserve", exception.Message);
            return new ReservationResult(false, Message: $"agent {agentId} unreachable");
        }
    }

    /// <summary>Takes a slot of the agent whose phone places this call and marks the agent talking on it, so no other work
    /// is offered meanwhile: true when the slot is held. An agent with no free slot (paused, logged out, talking in
    /// another call) still places the call; it is simply not offered work for other reasons.</summary>
    private async Task<bool> HoldPlacerAsync(string agentId)
    {
        var reservation = await ReserveAsync(agentId, new ReservationRequest { WorkId = CallId });
        if (!reservation.Granted)
        {
            LogPlacerNotHeld(CallId, agentId, reservation.Message);
            return false;
        }
        var held = false;
        await AgentAsync(agentId, "ring", async agent =>
        {
            var rung = await agent.RingAsync(CallId);
            var answered = rung.Succeeded ? await agent.AnswerAsync(CallId) : rung;
            held = answered.Succeeded;
            return answered;
        });
        if (!held)
        {
            await AgentAsync(agentId, "release", agent => agent.ReleaseAsync(CallId, ReleaseReason.Withdrawn));
        }
        return held;
    }

    /// <summary>A call to an agent grain; failures are logged, because the agent frees stale slots by its own deadlines.</summary>
    private Task AgentAsync(string agentId, string operation, Func<IAgentGrain, Task<AgentCommandResult>> call) =>
        PeerAsync<IAgentGrain>("agent", agentId, operation, async grain =>
        {
            var result = await call(grain);
            return (result.Succeeded, result.Message);
        });

    /// <summary>A call to a queue grain; failures are logged, because the queue reconciles offers by its own check.</summary>
    private Task QueueAsync(string queueId, string operation, Func<IQueueGrain, Task<QueueCommandResult>> call) =>
        PeerAsync<IQueueGrain>("queue", queueId, operation, async grain =>
        {
            var result = await call(grain);
            return (result.Succeeded, result.Message);
        });

    private async Task PeerAsync<TGrain>(string kind, string id, string operation, Func<TGrain, Task<(bool Succeeded, string? Message)>> call)
        where TGrain : IGrainWithStringKey
    {
        try
        {
            var (succeeded, message) = await call(GrainFactory.GetGrain<TGrain>(id));
            if (!succeeded)
            {
                LogPeerRefused(CallId, kind, id, operation, message);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPeerUnreachable(CallId, kind, id, operation, exception.Message);
        }
    }

    [LoggerMessage(4411, LogLevel.Information, "Call {CallId}: placed by agent {AgentId}, who has no free slot for it: {Reason}")]
    private partial void LogPlacerNotHeld(string callId, string agentId, string? reason);

    [LoggerMessage(4404, LogLevel.Warning, "Call {CallId}: {Kind} {Id} unreachable for {Operation}: {Error}")]
    private partial void LogPeerUnreachable(string callId, string kind, string id, string operation, string error);

    [LoggerMessage(4405, LogLevel.Debug, "Call {CallId}: {Kind} {Id} refused {Operation}: {Detail}")]
    private partial void LogPeerRefused(string callId, string kind, string id, string operation, string? detail);
}
