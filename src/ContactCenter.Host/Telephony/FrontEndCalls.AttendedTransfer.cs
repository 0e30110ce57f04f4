using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Host.Telephony;

/// <summary>An attended transfer from the agent's phone (REFER with Replaces, RFC 3891 and RFC 5589 §7): the phone
/// talks to a customer in one call and, having dialled out from the phone, to a far party in a second call (the
/// consultation); the REFER in either dialog names the other. Completing connects the two far ends through the front
/// end and lets the phone leave both. Kept small: both dialogs must be this phone's answered legs on this front end,
/// and the second call's far end must be a party the front end dialled (an outbound call: its leg is an INVITE of
/// ours, which can move to the first call); a consultation with another agent is the workspace's. The first call's
/// grain records it as a transfer to the second call's number (<see cref="ICallGrain.BlindTransferAsync"/>, whose
/// <see cref="ICallMedia.TransferAsync"/> the front end completes with the consultation's leg instead of dialling);
/// the second call's grain hears that the agent left, and is marked with the call it went into.</summary>
internal sealed partial class FrontEndCalls
{
    /// <summary>The call attribute of a consultation call handed over by an attended transfer: the call it joined.</summary>
    public const string TransferredIntoAttribute = "transferred-into";

    /// <summary>Takes a REFER with Replaces from <paramref name="leg"/> (an answered leg of the phone in
    /// <paramref name="referred"/>): refused at once when the dialogs do not qualify (see the class summary), else
    /// accepted and carried out.</summary>
    private void AttendedTransferFromPhone(FrontEndCall referred, FrontEndAgentLeg leg, SipTransferRequest transfer)
    {
        var replaces = transfer.Replaces!;
        if (!_bySipCallId.TryGetValue(replaces.CallId, out var other) || other.AgentId != leg.AgentId || other.Call == referred
            || FindPhoneLeg(other.Call, leg.AgentId, replaces.CallId) is null)
        {
            LogPhoneTransferRefused(_logger, transfer.Call.CallId, "attended transfer: the Replaces names no other call of this phone on this front end");
            transfer.Reject(403);
            return;
        }
        // The call whose far end the front end dialled gives it up; the other one keeps its customer.
        var (keeper, donor) = IsDialledOut(other.Call) ? (referred, other.Call) : IsDialledOut(referred) ? (other.Call, referred) : (null, null);
        if (keeper is null || donor is null || FindPhoneLeg(keeper, leg.AgentId, null) is not { } keeperLeg)
        {
            LogPhoneTransferRefused(_logger, transfer.Call.CallId, "attended transfer: neither call's far end was dialled by the front end; consult from the workspace");
            transfer.Reject(501);
            return;
        }
        // The outcome is told where the existing paths look for it: on the keeping call's leg of the phone.
        if (!keeperLeg.TryStartPhoneTransfer(transfer))
        {
            LogPhoneTransferRefused(_logger, transfer.Call.CallId, "a transfer from the phone is pending already");
            transfer.Reject(491);
            return;
        }
        transfer.Accept();
        _ = AttendedTransferAsync(keeper, donor, keeperLeg);
    }

    private async Task AttendedTransferAsync(FrontEndCall keeper, FrontEndCall donor, FrontEndAgentLeg keeperLeg)
    {
        var refusal = 403;
        try
        {
            var number = (await _grains.GetGrain<ICallGrain>(donor.CallId).GetStatusAsync()).To;
            if (string.IsNullOrWhiteSpace(number))
            {
                LogPhoneTransferRefused(_logger, donor.CallId, "attended transfer: the consultation has no number");
            }
            else
            {
                lock (keeper.Sync)
                {
                    keeper.AttendedFrom = (donor, keeperLeg.AgentId);
                }
                LogAttendedTransfer(_logger, keeper.CallId, keeperLeg.AgentId, donor.CallId, number);
                var result = await _grains.GetGrain<ICallGrain>(keeper.CallId).BlindTransferAsync(keeperLeg.AgentId,
                    new CallTransfer(new RoutingTarget(RoutingTargetKind.ExternalNumber, number)));
                if (result.Succeeded)
                {
                    return;
                }
                LogPhoneTransferRefused(_logger, keeper.CallId, $"attended transfer: the call refused: {result.Error} {result.Message}");
            }
        }
        catch (Exception exception)
        {
            LogPhoneTransferFailed(_logger, keeper.CallId, exception);
            refusal = 500;
        }
        lock (keeper.Sync)
        {
            keeper.AttendedFrom = null;
        }
        if (keeperLeg.TakePhoneTransfer() is { } pending)
        {
            _ = Notify(pending, refusal);
        }
    }

    /// <summary>The grain's transfer of <paramref name="call"/> when it is the keeping call of an attended transfer from
    /// the phone: the consultation's far leg moves into it (instead of a new INVITE) and the transfer completes at once.
    /// False when no attended transfer is pending for the call.</summary>
    private bool TryCompleteAttendedTransfer(FrontEndCall call, FrontEndAgentLeg leg)
    {
        (FrontEndCall Call, string AgentId)? attended;
        lock (call.Sync)
        {
            attended = call.AttendedFrom;
            call.AttendedFrom = null;
        }
        if (attended is not { } pending)
        {
            return false;
        }
        var (donor, agentId) = pending;
        SipOutgoingCall? far = null;
        lock (donor.Sync)
        {
            if (!donor.Ended && !donor.Transferred && donor.Caller is SipOutgoingCall { State: SipCallState.Established } dialled)
            {
                far = dialled;
                donor.Caller = null;
                donor.HandedOver = true;
                EndSupervisionLocked(donor);
                StopRecordingLocked(donor);
                donor.Bridge?.Dispose();
                donor.Bridge = null;
            }
        }
        if (far is null)
        {
            TransferFailedTo(call, leg, "the consultation", "the consultation's far end is gone");
            return true;
        }
        lock (call.Sync)
        {
            leg.Sip = far;
            leg.Media = donor.CallerMedia;
            leg.Answered = true;
        }
        _bySipCallId[far.CallId] = (call, TransferLegId);
        ConnectTransferTarget(call, leg, $"the consultation {donor.CallId}");
        // The consultation's grain: marked with the call it went into, then the agent leaves it (its far end is gone from it
        // already: its hang-up only ends the phone's leg).
        _ = MarkHandedOverAsync(donor, call.CallId);
        Report(donor, new AgentHungUp(donor.CallId, agentId));
        return true;
    }

    private async Task MarkHandedOverAsync(FrontEndCall donor, string keeperCallId)
    {
        try
        {
            await _grains.GetGrain<ICallGrain>(donor.CallId).SetAttributeAsync(TransferredIntoAttribute, keeperCallId);
        }
        catch (Exception exception)
        {
            LogPhoneTransferFailed(_logger, donor.CallId, exception);
        }
    }

    /// <summary>An outbound call whose far end the front end dialled and that answered.</summary>
    private static bool IsDialledOut(FrontEndCall call)
    {
        lock (call.Sync)
        {
            return call.Outbound && !call.Transferred && !call.Ended && call.Caller is SipOutgoingCall { State: SipCallState.Established };
        }
    }

    /// <summary>The phone's answered leg of <paramref name="agentId"/> in <paramref name="call"/> (rung by the front end or
    /// placed from the phone), whose SIP Call-ID is <paramref name="sipCallId"/> when given; null when none.</summary>
    private static FrontEndAgentLeg? FindPhoneLeg(FrontEndCall call, string agentId, string? sipCallId)
    {
        lock (call.Sync)
        {
            return call.Agents.TryGetValue(agentId, out var leg) && leg.Answered && !leg.Dropped && leg.Line is null
                && (leg.Sip ?? (SipCall?)leg.Placed) is { } sip && (sipCallId is null || sip.CallId == sipCallId)
                ? leg
                : null;
        }
    }

    [LoggerMessage(249, LogLevel.Information, "Telephony: call {CallId}: agent {AgentId}'s phone transfers the customer to the consultation {ConsultationId} ({Number})")]
    private static partial void LogAttendedTransfer(ILogger logger, string callId, string agentId, string consultationId, string number);
}
