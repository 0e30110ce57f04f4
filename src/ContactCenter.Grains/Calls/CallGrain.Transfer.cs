using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;

namespace ContactCenter.Grains.Calls;

internal sealed partial class CallGrain
{
    public async Task<CallCommandResult> BlindTransferAsync(string agentId, CallTransfer transfer)
    {
        var decision = CallRules.BlindTransfer(Current, agentId, transfer, Now);
        if (!decision.Accepted)
        {
            return (await CommitAsync("blind transfer", decision)).ToResult();
        }
        var target = transfer.Target;
        switch (target.Kind)
        {
            case RoutingTargetKind.Queue:
                return await TransferToQueueAsync(agentId, target.Value, decision);
            case RoutingTargetKind.Agent:
                return await RingSecondAgentAsync("blind transfer", decision, target.Value);
            default:
                decision = await CommitAsync("blind transfer", decision);
                await MediaAsync(media => media.TransferAsync(CallId, target.Value));
                return decision.ToResult();
        }
    }

    /// <summary>The queue is asked first, so a queue that refuses the call (unknown, unreachable) refuses the transfer
    /// and nothing changes; once it took the call (or sent it on: overflow, closed action) the agent leaves with its
    /// wrap-up and the call follows the queue's answer like a fresh arrival.</summary>
    private async Task<CallCommandResult> TransferToQueueAsync(string agentId, string queueId, CallDecision decision)
    {
        var before = Current;
        var result = await RequestEnqueueAsync(queueId, before.CallerBoost, []);
        if (result is not { Outcome: EnqueueOutcome.Waiting or EnqueueOutcome.Offered or EnqueueOutcome.Overflowed or EnqueueOutcome.Closed })
        {
            var refusal = result is null ? $"queue {queueId} unreachable" : $"queue {queueId} refused the call: {result.Error} {result.Message}";
            LogCommandRefused(CallId, "blind transfer", CallCommandError.InvalidRequest.ToString(), refusal);
            return new CallCommandResult(false, false, CallCommandError.InvalidRequest, refusal);
        }
        decision = await CommitAsync("blind transfer", decision);
        await AgentAsync(agentId, "end work", agent => agent.EndWorkAsync(CallId));
        await MediaAsync(media => media.DropLegAsync(CallId, agentId));
        foreach (var stopped in decision.Events.OfType<ListenInStopped>())
        {
            await MediaAsync(media => media.DropLegAsync(CallId, stopped.SupervisorId));
        }
        await OnEnqueuedAsync(queueId, before.CallerBoost, [], hops: 0, result);
        return decision.ToResult();
    }

    /// <summary>Handles the front end's reports about transfers and the second agent's leg; false for any other report
    /// (the call's own legs, <c>CallGrain.Legs.cs</c>).</summary>
    private async Task<bool> OnConnectedMediaEventAsync(CallState before, CallMediaEvent mediaEvent)
    {
        switch (mediaEvent)
        {
            case AgentAnswered answered when before.IsConsultAgent(answered.AgentId):
                await AfterSecondAgentAnsweredAsync(
                    await CommitAsync("second agent answered", CallRules.SecondAgentAnswered(Current, answered.AgentId, Now)));
                return true;
            case AgentLegFailed failed when before.IsConsultAgent(failed.AgentId):
                await AfterSecondAgentLeftAsync(
                    await CommitAsync("second agent leg failed", CallRules.SecondAgentFailed(Current, failed.AgentId, failed.Reason, Now)),
                    CallRules.ReleaseReasonOf(failed.Reason),
                    dropLeg: false);
                return true;
            case AgentHungUp hungUp when before.IsConsultAgent(hungUp.AgentId):
                await AfterSecondAgentLeftAsync(
                    await CommitAsync("second agent hung up", CallRules.SecondAgentHungUp(Current, hungUp.AgentId, Now)),
                    ReleaseReason.Declined, dropLeg: false);
                return true;
            case TransferCompleted:
                if ((await CommitAsync("transfer completed", CallRules.TransferCompleted(Current, Now))).Find<CallTransferCompleted>() is not null)
                {
                    await ReleaseWorkAsync(before);
                    await MediaAsync(media => media.HangUpAsync(CallId, CallEndReason.Transferred));
                }
                return true;
            case TransferFailed failed:
                if ((await CommitAsync("transfer failed", CallRules.TransferFailed(Current, failed.Reason, Now))).Find<CallTransferFailed>() is not null)
                {
                    await MediaAsync(media => media.BridgeAsync(CallId, Current.AgentId!));
                }
                return true;
            default:
                return false;
        }
    }
}
