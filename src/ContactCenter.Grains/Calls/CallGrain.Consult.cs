using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;

namespace ContactCenter.Grains.Calls;

internal sealed partial class CallGrain
{
    public async Task<CallCommandResult> ConsultAsync(string agentId, string targetAgentId)
    {
        var decision = CallRules.Consult(Current, agentId, targetAgentId, Now);
        return decision.Accepted
            ? await RingSecondAgentAsync("consult", decision, targetAgentId)
            : (await CommitAsync("consult", decision)).ToResult();
    }

    public async Task<CallCommandResult> CompleteTransferAsync(string agentId)
    {
        var decision = await CommitAsync("complete transfer", CallRules.CompleteTransfer(Current, agentId, Now));
        await AfterPassedAsync(decision);
        return decision.ToResult();
    }

    public async Task<CallCommandResult> ConferenceAsync(string agentId)
    {
        var decision = await CommitAsync("conference", CallRules.Conference(Current, agentId, Now));
        if (decision.Find<ConferenceStarted>() is { } conference)
        {
            if (decision.Find<CallRetrieved>() is not null)
            {
                await MediaAsync(media => media.HoldAsync(CallId, false));
            }
            await MediaAsync(media => media.ConferenceAsync(CallId, conference.OtherAgentId));
        }
        return decision.ToResult();
    }

    public async Task<CallCommandResult> CancelConsultAsync(string agentId)
    {
        var decision = await CommitAsync("cancel consult", CallRules.CancelConsult(Current, agentId, Now));
        await AfterSecondAgentLeftAsync(decision, ReleaseReason.Withdrawn, dropLeg: true);
        if (decision.Find<CallRetrieved>() is not null)
        {
            await MediaAsync(media => media.HoldAsync(CallId, false));
        }
        return decision.ToResult();
    }

    /// <summary>Reserves the second agent through its arbiter (a refusal refuses the command and changes nothing), then
    /// commits <paramref name="decision"/>, holds the customer and rings the agent. The reservation is direct (no queue)
    /// and carries the call's wrap-up time, so the second agent shows Ringing then Busy, gets no other voice offer, and
    /// wraps up like the call's agent when it leaves.</summary>
    private async Task<CallCommandResult> RingSecondAgentAsync(string command, CallDecision decision, string targetAgentId)
    {
        // Decided before the reservation: the state cannot change while this turn waits for the agent.
        var reservation = await ReserveAsync(targetAgentId, new ReservationRequest
        {
            WorkId = CallId,
            RingTimeout = CallRules.ConsultRingTimeout,
            WrapUpTime = Current.WrapUpTime,
        });
        if (!reservation.Granted)
        {
            var refusal = $"agent {targetAgentId}: {reservation.Refusal?.ToString() ?? reservation.Message}";
            LogCommandRefused(CallId, command, CallCommandError.AgentRefused.ToString(), refusal);
            return new CallCommandResult(false, false, CallCommandError.AgentRefused, refusal);
        }
        decision = await CommitAsync(command, decision);
        if (decision.Find<CallHeld>() is not null)
        {
            await MediaAsync(media => media.HoldAsync(CallId, true));
        }
        await AgentAsync(targetAgentId, "ring", agent => agent.RingAsync(CallId));
        await RingAgentAsync(targetAgentId, CallRules.ConsultRingTimeout);
        return decision.ToResult();
    }

    /// <summary>The second agent answered: it is busy with the call; after a blind transfer the call passes to it.</summary>
    private async Task AfterSecondAgentAnsweredAsync(CallDecision decision)
    {
        if (decision.Find<ConsultAnswered>() is not { } answered)
        {
            return;
        }
        await AgentAsync(answered.AgentId, "answer", agent => agent.AnswerAsync(CallId));
        if (decision.Find<ConsultTransferred>() is null)
        {
            // A consultation: the two agents talk while the customer waits on hold.
            await MediaAsync(media => media.ConsultAsync(CallId, answered.AgentId));
        }
        await AfterPassedAsync(decision);
    }

    /// <summary>After the call passed to its second agent: the agent who left ends its work (wrap-up), its leg is
    /// dropped, and the customer is connected to the new agent.</summary>
    private async Task AfterPassedAsync(CallDecision decision)
    {
        if (decision.Find<ConsultTransferred>() is not { } passed)
        {
            return;
        }
        await AgentAsync(passed.FromAgentId, "end work", agent => agent.EndWorkAsync(CallId));
        await MediaAsync(media => media.DropLegAsync(CallId, passed.FromAgentId));
        await MediaAsync(media => media.BridgeAsync(CallId, passed.ToAgentId));
        if (decision.Find<CallRetrieved>() is not null)
        {
            await MediaAsync(media => media.HoldAsync(CallId, false));
        }
    }

    /// <summary>After the second agent left the call: its leg is dropped when the call decided it (cancel, ring
    /// timeout), and its slot is released (<paramref name="reason"/>) or, once answered, its work ends.</summary>
    private async Task AfterSecondAgentLeftAsync(CallDecision decision, ReleaseReason reason, bool dropLeg)
    {
        if (decision.Find<ConsultEnded>() is not { } ended)
        {
            return;
        }
        if (dropLeg)
        {
            await MediaAsync(media => media.DropLegAsync(CallId, ended.AgentId));
        }
        await ReleaseSecondAgentAsync(ended.AgentId, ended.Answered, reason);
    }

    private Task ReleaseSecondAgentAsync(string agentId, bool answered, ReleaseReason reason) =>
        answered
            ? AgentAsync(agentId, "end work", agent => agent.EndWorkAsync(CallId))
            : AgentAsync(agentId, "release", agent => agent.ReleaseAsync(CallId, reason));
}
