using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Media.Mixing;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Host.Telephony;

internal sealed partial class FrontEndCalls
{
    /// <summary>Rings the supervisor's phone (found like an agent's, from the agent profile with the supervisor's id) and,
    /// once it answers, mixes caller, agent and supervisor by the mode instead of bridging caller and agent. A leg that
    /// fails (unreachable, refused, not answered) or hangs up is reported like an agent's leg (<see cref="AgentLegFailed"/>,
    /// <see cref="AgentHungUp"/> with the supervisor's id), which ends the grain's listen-in; the grain's stop ends the
    /// leg with <see cref="DropLegAsync"/>.</summary>
    public Task ListenInAsync(string callId, ListenInRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryGetCall(callId, nameof(ListenInAsync), out var call))
        {
            return Task.CompletedTask;
        }
        var leg = new FrontEndAgentLeg(request.SupervisorId);
        var mode = request.Mode switch
        {
            ListenInMode.Whisper => SupervisorMode.Whisper,
            ListenInMode.Barge => SupervisorMode.Barge,
            _ => SupervisorMode.Monitor,
        };
        FrontEndAgentLeg? replaced;
        lock (call.Sync)
        {
            if (call.Ended)
            {
                return Task.CompletedTask;
            }
            replaced = call.Supervisor;
            if (replaced is not null && replaced.AgentId == request.SupervisorId && replaced.Answered)
            {
                // The same supervisor changes mode: the mix changes, the leg stays.
                call.SupervisorMode = mode;
                call.Supervision?.SetMatrix(HearingMatrix.ForSupervision(mode));
                return Task.CompletedTask;
            }
            EndSupervisionLocked(call);
            if (replaced is not null)
            {
                replaced.Dropped = true;
            }
            call.Supervisor = leg;
            call.SupervisorMode = mode;
        }
        if (replaced is not null)
        {
            EndAgentLeg(replaced);
        }
        _ = RingSupervisorAsync(call, leg);
        return Task.CompletedTask;
    }

    private async Task RingSupervisorAsync(FrontEndCall call, FrontEndAgentLeg leg)
    {
        try
        {
            var sip = await InvitePhoneAsync(call, leg, why => SupervisorUnreachable(call, leg, why));
            if (sip is null)
            {
                return;
            }
            SipResponse response;
            using (_time.CreateTimer(_ => RingOut(leg, sip), null, _options.DefaultRingTimeout, Timeout.InfiniteTimeSpan))
            {
                response = await sip.Answered;
            }
            var negotiated = response.IsSuccess && SdpParser.TryParse(response.Body.Span, out var answer, out _)
                ? SdpOfferAnswer.ProcessAnswer(leg.Offer!, answer)
                : null;
            if (negotiated is null)
            {
                var failure = response.IsSuccess ? AgentLegFailure.Unreachable : leg.RangOut ? AgentLegFailure.NoAnswer : FailureOf(response.StatusCode);
                SupervisorUnreachable(call, leg, $"the phone answered {response.StatusCode}", failure);
                return;
            }
            lock (call.Sync)
            {
                if (leg.Dropped || call.Ended)
                {
                    EndSip(sip);
                    return;
                }
                FrontEndSdp.Apply(leg.Media!, negotiated);
                leg.Answered = true;
                SuperviseLocked(call);
            }
            _metrics.ListenIns.Add(1, new KeyValuePair<string, object?>("outcome", "listening"));
            LogSupervisorListening(_logger, call.CallId, leg.AgentId, call.SupervisorMode);
        }
        catch (Exception exception)
        {
            LogSupervisorError(_logger, call.CallId, leg.AgentId, exception);
            SupervisorUnreachable(call, leg, "ringing failed in the front end");
        }
    }

    private void SupervisorUnreachable(FrontEndCall call, FrontEndAgentLeg leg, string reason,
        AgentLegFailure failure = AgentLegFailure.Unreachable)
    {
        bool current;
        lock (call.Sync)
        {
            // A leg the grain dropped or replaced meanwhile is no news to it.
            current = !leg.Dropped && call.Supervisor == leg;
            leg.Dropped = true;
            if (call.Supervisor == leg)
            {
                call.Supervisor = null;
            }
        }
        EndAgentLeg(leg);
        _metrics.ListenIns.Add(1, new KeyValuePair<string, object?>("outcome", "unreachable"));
        LogSupervisorUnreachable(_logger, call.CallId, leg.AgentId, reason);
        if (current)
        {
            Report(call, new AgentLegFailed(call.CallId, leg.AgentId, failure));
        }
    }

    /// <summary>The supervisor's phone hung up: the call goes on as before, and the grain ends its listen-in.</summary>
    private void SupervisorLegEnded(FrontEndCall call, SipCall sip, SipCallEndReason reason)
    {
        if (reason is not (SipCallEndReason.RemoteHangUp or SipCallEndReason.TransportFailed))
        {
            return;
        }
        FrontEndAgentLeg? leg;
        lock (call.Sync)
        {
            leg = call.Supervisor;
            if (leg is null || leg.Sip != sip)
            {
                return;
            }
            EndSupervisionLocked(call);
            call.Supervisor = null;
            leg.Dropped = true;
        }
        LogAgentLeft(_logger, call.CallId, leg.AgentId, reason);
        EndAgentLeg(leg);
        Report(call, new AgentHungUp(call.CallId, leg.AgentId));
    }

    /// <summary>Mixes caller, agent and the answered supervisor in place of the caller-agent bridge, moving the recording
    /// over; nothing while the call is not bridged (hold, consultation): the bridge made later starts it.</summary>
    private void SuperviseLocked(FrontEndCall call)
    {
        if (call.Ended || call.Supervision is not null || call.Bridge is not { } bridge
            || call.Supervisor is not { Answered: true, Dropped: false, Media: { } supervisor } || call.Transferred)
        {
            return;
        }
        call.Bridge = null;
        call.Supervision = _engine.StartSupervision(bridge, supervisor, call.SupervisorMode);
    }

    /// <summary>Bridges caller and agent again without the supervisor (whose leg stays up); true when a supervision
    /// was going on.</summary>
    private bool EndSupervisionLocked(FrontEndCall call)
    {
        if (call.Supervision is not { } supervision)
        {
            return false;
        }
        call.Supervision = null;
        call.Bridge = _engine.EndSupervision(supervision);
        return true;
    }

    [LoggerMessage(190, LogLevel.Information, "Telephony: call {CallId}: supervisor {SupervisorId} listens in ({Mode})")]
    private static partial void LogSupervisorListening(ILogger logger, string callId, string supervisorId, SupervisorMode mode);

    [LoggerMessage(191, LogLevel.Warning, "Telephony: call {CallId}: supervisor {SupervisorId} cannot listen in: {Reason}")]
    private static partial void LogSupervisorUnreachable(ILogger logger, string callId, string supervisorId, string reason);

    [LoggerMessage(192, LogLevel.Error, "Telephony: call {CallId}: ringing supervisor {SupervisorId} failed")]
    private static partial void LogSupervisorError(ILogger logger, string callId, string supervisorId, Exception exception);
}
