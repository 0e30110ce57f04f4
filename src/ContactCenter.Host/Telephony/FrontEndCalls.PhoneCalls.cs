using System.Collections.Immutable;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Validation;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.UserAgents;
using ContactCenter.Storage.Documents;

namespace ContactCenter.Host.Telephony;

/// <summary>Calls an agent places from the phone (issue 7). An INVITE is an agent's phone's when it carries digest
/// credentials, or when its From user is an agent profile's SIP user name and it comes from no trunk's address or from
/// where that phone registered; it is
/// authenticated like the phone's REGISTER (RFC 3261 §22.2: 401 with WWW-Authenticate, the registrar's nonces; wrong
/// credentials 403). The dialled user part resolves as a transfer from the phone does: a configured inbound number is
/// an ordinary inbound call (a test call to the IVR), another agent or a queue an inbound call routed there (both hold a
/// slot of the placing agent while they last: <see cref="CallArrival.PlacedBy"/>); anything
/// else that is a number an agent-initiated outbound call, placed by the call grain as from the workspace
/// (<see cref="ICallGrain.DialAsync"/>), except that the agent's leg is the phone's own INVITE: the front end does not
/// ring the phone back, gives it 180 while the number is dialled, 200 when the call connects, and the far end's failure
/// otherwise. A number dialled while the phone talks in another call here is a consultation of that call
/// (<see cref="CallDial.ConsultedCallId"/>: no second slot of the agent's), which the phone's attended transfer can hand
/// the customer to.</summary>
internal sealed partial class FrontEndCalls
{
    /// <summary>The call attribute that names the agent whose phone placed the call.</summary>
    public const string AgentPhoneAttribute = "agent-phone";

    /// <summary>Takes the INVITE when it is an agent's phone's (see the class summary): challenged, refused, or placed as
    /// the agent's call; false when it is no phone's, for the trunk and loopback rules.</summary>
    private async Task<bool> TryReceivePhoneInviteAsync(SipIncomingCall call, ICallMedia reference, Trunk? trunk)
    {
        var invite = call.Invite;
        var authorized = invite.Headers.GetValues(SipHeaderNames.Authorization).Count > 0;
        if (!authorized)
        {
            if (invite.From?.Uri.User is not { } fromUser)
            {
                return false;
            }
            // A trunk's caller whose number happens to be an agent's user name is not challenged: from a trunk's address
            // (the demo's loopback, a PBX's LAN) only the flow the phone registered from is the phone (and a trunk's
            // calls cost no scan of the profiles).
            var phone = trunk is null
                ? await FindPhoneProfileAsync(fromUser) is not null
                : await _bindings.IsRegisteredFromAsync(fromUser, call.Peer, _time.GetUtcNow());
            if (!phone)
            {
                return false;
            }
        }
        var result = await _authenticator.AuthenticateAsync(invite, call.Peer);
        switch (result.Outcome)
        {
            case SipAuthenticationOutcome.Challenge:
                LogPhoneChallenged(_logger, call.CallId, call.Peer.ToString(), result.Reason);
                call.Challenge(_authenticator, result.Stale);
                return true;
            case SipAuthenticationOutcome.Forbidden:
                Refuse(call, 403, "forbidden", "an agent's phone with wrong credentials");
                return true;
            case SipAuthenticationOutcome.BadRequest:
                Refuse(call, 400, "bad_request", result.Reason ?? "malformed credentials");
                return true;
            default:
                break;
        }
        if (result.Username is not { } user || await FindPhoneProfileAsync(user) is not { } profile)
        {
            Refuse(call, 403, "forbidden", "the authenticated SIP user has no agent profile");
            return true;
        }
        await PlaceFromPhoneAsync(call, reference, profile, user);
        return true;
    }

    /// <summary>What the authenticated agent's phone dialled becomes: see the class summary.</summary>
    private async Task PlaceFromPhoneAsync(SipIncomingCall call, ICallMedia reference, AgentProfile profile, string user)
    {
        var dialled = call.Invite.RequestUri.User;
        if (string.IsNullOrWhiteSpace(dialled))
        {
            Refuse(call, 404, "not_found", $"agent {profile.Id}'s phone dialled no user part");
            return;
        }
        var attributes = ImmutableDictionary<string, string>.Empty.Add(AgentPhoneAttribute, profile.Id);
        if (await _store.GetAsync<InboundNumber>(dialled) is { } number)
        {
            LogPhoneDials(_logger, call.CallId, profile.Id, dialled, "the inbound number");
            await ArriveAsync(call, ArrivalAt(number, user, reference, attributes) with { PlacedBy = profile.Id }, trunkId: null);
            return;
        }
        switch (await ResolveTransferTargetAsync(dialled))
        {
            case null:
                Refuse(call, 404, "not_found", $"agent {profile.Id}'s phone dialled '{dialled}': no number, agent or queue");
                break;
            case { Kind: RoutingTargetKind.Agent } agent when agent.Value == profile.Id:
                Refuse(call, 486, "busy", $"agent {profile.Id}'s phone dialled its own agent");
                break;
            case { Kind: RoutingTargetKind.Agent or RoutingTargetKind.Queue } target:
                // An internal call: the agent is the caller, routed as a call to that number would be.
                LogPhoneDials(_logger, call.CallId, profile.Id, dialled, $"{target.Kind} {target.Value}");
                await ArriveAsync(call, new CallArrival
                {
                    From = user, To = dialled, Media = reference, Target = target, Attributes = attributes, PlacedBy = profile.Id,
                }, trunkId: null);
                break;
            case { Value: var external } when !PhoneNumbers.IsValid(external):
                Refuse(call, 484, "not_found", $"agent {profile.Id}'s phone dialled '{external}', which is not {PhoneNumbers.Rule}");
                break;
            case { Value: var external }:
                LogPhoneDials(_logger, call.CallId, profile.Id, external, "an external number");
                await DialFromPhoneAsync(call, reference, profile.Id, external);
                break;
        }
    }

    /// <summary>The agent-initiated call: the phone's INVITE becomes the agent's leg (answered, in the phone's law, when
    /// the call connects), the customer's media leg is made in the same law, and the call grain dials as for the
    /// workspace. Reports wait for the grain's answer, so a CANCEL that comes meanwhile is heard after the dial.</summary>
    private async Task DialFromPhoneAsync(SipIncomingCall call, ICallMedia reference, string agentId, string number)
    {
        MediaLeg? phoneMedia = null;
        FrontEndCall? placed = null;
        FrontEndAgentLeg? leg = null;
        try
        {
            var callId = Guid.NewGuid().ToString("N");
            phoneMedia = AnswerOffer(call, $"{callId}-{agentId}", out var answer);
            if (phoneMedia is null)
            {
                return;
            }
            var external = _engine.CreateLeg(callId + "-external", phoneMedia.Codec);
            var outbound = placed = new FrontEndCall(callId, null, external, []) { PlacingAgentId = agentId };
            external.Inactive += _ => CallerMediaInactive(outbound);
            leg = new FrontEndAgentLeg(agentId) { Media = phoneMedia, Placed = call, PlacedAnswer = answer };
            placed.Agents[agentId] = leg;
            var dialled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            placed.Reports = dialled.Task;
            _calls[callId] = placed;
            _bySipCallId[call.CallId] = (placed, agentId);
            _metrics.ActiveCalls.Add(1);
            _metrics.OutboundCalls.Add(1, new KeyValuePair<string, object?>("outcome", "started"));
            if (call.State == SipCallState.Terminated && _bySipCallId.TryRemove(call.CallId, out _))
            {
                // Cancelled while the number was looked up: nothing was dialled yet.
                dialled.TrySetResult();
                EndCall(placed);
                return;
            }
            var grain = _grains.GetGrain<ICallGrain>(callId);
            CallCommandResult result;
            try
            {
                result = await grain.DialAsync(new CallDial(agentId, number, CallerNumber: "", reference, ConsultedCallId(agentId, callId)));
            }
            finally
            {
                dialled.TrySetResult();
            }
            if (!result.Succeeded)
            {
                // The agent cannot take a call now (logged out, paused, busy), or the number is refused.
                leg.PlacedRejectStatus = result.Error switch
                {
                    CallCommandError.AgentRefused => 403,
                    CallCommandError.InvalidRequest => 484,
                    _ => 503,
                };
                _metrics.OutboundCalls.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
                LogPhoneDialRefused(_logger, callId, agentId, leg.PlacedRejectStatus, $"{result.Error}: {result.Message}");
                EndCall(placed);
                return;
            }
            var marked = await grain.SetAttributeAsync(AgentPhoneAttribute, agentId);
            if (!marked.Succeeded)
            {
                LogPhoneDialRefused(_logger, callId, agentId, 0, $"the call is not marked as placed from the phone: {marked.Message}");
            }
        }
        catch (Exception exception)
        {
            _metrics.OutboundCalls.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            LogPhoneCallFailed(_logger, call.CallId, exception);
            if (placed is not null && leg is not null)
            {
                leg.PlacedRejectStatus = 500;
                EndCall(placed);
            }
            else
            {
                call.Reject(500);
                if (phoneMedia is not null)
                {
                    Release(call.CallId, phoneMedia);
                }
            }
        }
    }

    /// <summary>Another call the agent's phone is talking in on this front end, which a new call from the phone consults
    /// from (to transfer its customer there, <c>FrontEndCalls.AttendedTransfer.cs</c>); null when none.</summary>
    private string? ConsultedCallId(string agentId, string callId) =>
        _calls.Values.FirstOrDefault(c => c.CallId != callId && !c.Ended && FindPhoneLeg(c, agentId, null) is not null)?.CallId;

    /// <summary>The grain rings the agent of a call placed from that agent's phone: the phone's INVITE is the leg, up
    /// from the start (the agent is calling), so it is reported answered at once (failed when the phone gave up
    /// already), and nothing is rung. False for every other leg.</summary>
    private bool RingPlacingAgent(string callId, string agentId)
    {
        if (!_calls.TryGetValue(callId, out var call) || call.PlacingAgentId != agentId)
        {
            return false;
        }
        bool calling;
        lock (call.Sync)
        {
            calling = call.Agents.TryGetValue(agentId, out var leg) && leg.Placed is not null && !leg.Dropped;
        }
        Report(call, calling ? new AgentAnswered(callId, agentId) : new AgentLegFailed(callId, agentId, AgentLegFailure.Declined));
        return true;
    }

    /// <summary>The number of a call placed from a phone is dialled: the phone hears it ring (180).</summary>
    private static void RingPlacingPhone(FrontEndCall call)
    {
        var placed = PlacingLeg(call)?.Placed;
        placed?.Ring();
    }

    /// <summary>The number of a call placed from a phone failed: the phone is refused with a status that tells why.</summary>
    private static void PlacedDialFailed(FrontEndCall call, int status)
    {
        if (PlacingLeg(call) is { } leg)
        {
            // 401/407: the trunk refused our credentials, which is no fault of the number; 408: nobody answered.
            leg.PlacedRejectStatus = status switch
            {
                401 or 407 => 503,
                408 => 480,
                >= 400 and < 700 => status,
                _ => 500,
            };
        }
    }

    /// <summary>The grain bridges the call placed from a phone: the phone's INVITE is answered (200 with our SDP) before
    /// the bridge is made. A phone that cancelled meanwhile is not answered; its ending is reported.</summary>
    private void AnswerPlacingPhone(FrontEndCall call, string agentId)
    {
        if (call.PlacingAgentId != agentId || PlacingLeg(call) is not { Placed: { } placed } leg)
        {
            return;
        }
        lock (call.Sync)
        {
            if (leg.Answered)
            {
                return;
            }
        }
        if (!placed.Accept(leg.PlacedAnswer))
        {
            return;
        }
        lock (call.Sync)
        {
            leg.Answered = true;
        }
        LogPhoneConnected(_logger, call.CallId, agentId, placed.CallId);
    }

    /// <summary>The phone that placed the call cancelled or hung up (a BYE, or its transport failed): the grain hears
    /// that the agent hung up. False when <paramref name="sip"/> is no placing phone's INVITE.</summary>
    private bool PlacedLegEnded(FrontEndCall call, string agentId, SipCall sip, SipCallEndReason reason)
    {
        FrontEndAgentLeg? leg;
        lock (call.Sync)
        {
            if (call.PlacingAgentId != agentId || !call.Agents.TryGetValue(agentId, out leg) || leg.Placed != sip)
            {
                return false;
            }
            if (reason is SipCallEndReason.LocalHangUp or SipCallEndReason.Rejected || leg.Dropped)
            {
                return true;
            }
            call.Agents.Remove(agentId);
            leg.Dropped = true;
            UnbridgeLocked(call, leg);
        }
        LogPlacingPhoneLeft(_logger, call.CallId, agentId, reason);
        EndAgentLeg(leg);
        Report(call, new AgentHungUp(call.CallId, agentId));
        return true;
    }

    /// <summary>Ends the phone's INVITE of a placed call's leg: refused while it was not answered, else hung up.</summary>
    private void EndPlacedLeg(FrontEndAgentLeg agent, SipIncomingCall placed)
    {
        _bySipCallId.TryRemove(placed.CallId, out _);
        if (placed.State == SipCallState.Pending)
        {
            placed.Reject(agent.PlacedRejectStatus);
            return;
        }
        EndSip(placed);
    }

    private static FrontEndAgentLeg? PlacingLeg(FrontEndCall call)
    {
        lock (call.Sync)
        {
            return call.PlacingAgentId is { } agentId && call.Agents.TryGetValue(agentId, out var leg) && leg.Placed is not null && !leg.Dropped
                ? leg
                : null;
        }
    }

    /// <summary>The agent profile whose phone registers as <paramref name="user"/>; null when none.</summary>
    private async Task<AgentProfile?> FindPhoneProfileAsync(string user)
    {
        await foreach (var profile in _store.ReadAllAsync<AgentProfile>())
        {
            if (string.Equals(profile.SipUsername, user, StringComparison.Ordinal))
            {
                return profile;
            }
        }
        return null;
    }

    [LoggerMessage(243, LogLevel.Debug, "Telephony: INVITE {SipCallId} from an agent's phone at {Source} challenged ({Reason})")]
    private static partial void LogPhoneChallenged(ILogger logger, string sipCallId, string source, string? reason);

    [LoggerMessage(244, LogLevel.Information, "Telephony: agent {AgentId}'s phone (SIP call {SipCallId}) dials {Dialled}: {Kind}")]
    private static partial void LogPhoneDials(ILogger logger, string sipCallId, string agentId, string dialled, string kind);

    [LoggerMessage(245, LogLevel.Information, "Telephony: call {CallId} placed from agent {AgentId}'s phone refused ({Status}): {Reason}")]
    private static partial void LogPhoneDialRefused(ILogger logger, string callId, string agentId, int status, string reason);

    [LoggerMessage(246, LogLevel.Information, "Telephony: call {CallId}: agent {AgentId}'s phone answered (SIP call {SipCallId}); the call is connected")]
    private static partial void LogPhoneConnected(ILogger logger, string callId, string agentId, string sipCallId);

    [LoggerMessage(247, LogLevel.Information, "Telephony: call {CallId}: agent {AgentId}'s phone, which placed the call, left ({Reason})")]
    private static partial void LogPlacingPhoneLeft(ILogger logger, string callId, string agentId, SipCallEndReason reason);

    [LoggerMessage(248, LogLevel.Error, "Telephony: the call placed from a phone (SIP call {SipCallId}) failed in the front end")]
    private static partial void LogPhoneCallFailed(ILogger logger, string sipCallId, Exception exception);
}
