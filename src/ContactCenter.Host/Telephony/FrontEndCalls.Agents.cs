using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Registration;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgents;
using SipTransportKind = ContactCenter.Sip.Transactions.SipTransportKind;

namespace ContactCenter.Host.Telephony;

internal sealed partial class FrontEndCalls
{
    public Task RingAgentAsync(string callId, AgentLegRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RingPlacingAgent(callId, request.AgentId))
        {
            return Task.CompletedTask;
        }
        // A call this front end does not hold starts here: an agent dials out (the grain rings the agent first).
        var call = _calls.TryGetValue(callId, out var held) ? held : StartOutbound(callId);
        var agent = new FrontEndAgentLeg(request.AgentId);
        FrontEndAgentLeg? replaced;
        lock (call.Sync)
        {
            if (call.Ended)
            {
                return Task.CompletedTask;
            }
            call.Agents.Remove(request.AgentId, out replaced);
            call.Agents[request.AgentId] = agent;
        }
        if (replaced is not null)
        {
            replaced.Dropped = true;
            EndAgentLeg(replaced);
        }
        // The agent's persistent line on this front end takes the offer; without one the phone rings for this call.
        _ = _lines.TryGetValue(request.AgentId, out var line) && !line.Ended
            ? RingLineAsync(call, agent, line, request)
            : RingAsync(call, agent, request);
        return Task.CompletedTask;
    }

    /// <summary>The agent answered in the workspace: an offer on a persistent line connects (at once, or when the line
    /// comes up); a phone that answered by itself (auto-answer) is connected; a phone that only rings connects when the
    /// agent picks it up, or right when it auto-answers if the workspace was first.</summary>
    public Task AnswerAgentAsync(string callId, string agentId)
    {
        if (!TryGetCall(callId, nameof(AnswerAgentAsync), out var call))
        {
            return Task.CompletedTask;
        }
        FrontEndAgentLeg? agent;
        bool connect;
        lock (call.Sync)
        {
            if (!call.Agents.TryGetValue(agentId, out agent) || agent.Dropped)
            {
                return Task.CompletedTask;
            }
            agent.Accepted = true;
            connect = agent.AwaitingAccept;
            agent.AwaitingAccept = false;
        }
        if (agent.Line is { } line)
        {
            LineAccepted(line, call, agent, "workspace");
        }
        else if (connect)
        {
            agent.Media?.StopPlayout();
            LogAutoAnswerAccepted(_logger, callId, agentId);
            _metrics.AgentLegs.Add(1, new KeyValuePair<string, object?>("outcome", "answered"));
            Report(call, new AgentAnswered(call.CallId, agent.AgentId));
        }
        else
        {
            LogAnswerFromWorkspace(_logger, callId, agentId);
        }
        return Task.CompletedTask;
    }

    public Task DropLegAsync(string callId, string agentId)
    {
        if (!TryGetCall(callId, nameof(DropLegAsync), out var call))
        {
            return Task.CompletedTask;
        }
        FrontEndAgentLeg? agent;
        lock (call.Sync)
        {
            if (call.Supervisor is { } supervisor && supervisor.AgentId == agentId)
            {
                // A supervisor stops listening in.
                EndSupervisionLocked(call);
                call.Supervisor = null;
                supervisor.Dropped = true;
                agent = supervisor;
            }
            else if (!call.Agents.Remove(agentId, out agent))
            {
                return Task.CompletedTask;
            }
            agent.Dropped = true;
            UnbridgeLocked(call, agent);
        }
        EndAgentLeg(agent);
        return Task.CompletedTask;
    }

    /// <summary>Looks up the agent's phone, INVITEs it with an offer from a new media leg, and reports the answer or
    /// why it failed (unless the grain dropped the leg meanwhile).</summary>
    private async Task RingAsync(FrontEndCall call, FrontEndAgentLeg agent, AgentLegRequest request)
    {
        try
        {
            if (call.Outbound && !await IsOutboundCallAsync(call))
            {
                return;
            }
            var sip = await InvitePhoneAsync(call, agent, why =>
            {
                LogAgentUnreachable(_logger, call.CallId, agent.AgentId, why);
                Failed(call, agent, AgentLegFailure.Unreachable);
            }, forOffer: true, callerNumber: request.CallerNumber);
            if (sip is null)
            {
                return;
            }
            var timeout = request.RingTimeout > TimeSpan.Zero ? request.RingTimeout : _options.DefaultRingTimeout;
            SipResponse response;
            using (_time.CreateTimer(_ => RingOut(agent, sip), null, timeout, Timeout.InfiniteTimeSpan))
            {
                response = await sip.Answered;
            }
            if (response.IsSuccess)
            {
                Answered(call, agent, sip, response);
                return;
            }
            var reason = agent.RangOut ? AgentLegFailure.NoAnswer : FailureOf(response.StatusCode);
            LogAgentLegFailed(_logger, call.CallId, agent.AgentId, response.StatusCode, reason);
            Failed(call, agent, reason);
        }
        catch (Exception exception)
        {
            LogAgentLegError(_logger, call.CallId, agent.AgentId, exception);
            Failed(call, agent, AgentLegFailure.Unreachable);
        }
    }

    private static void RingOut(FrontEndAgentLeg agent, SipOutgoingCall sip)
    {
        agent.RangOut = true;
        sip.Cancel();
    }

    private void Answered(FrontEndCall call, FrontEndAgentLeg agent, SipOutgoingCall sip, SipResponse response)
    {
        var negotiated = SdpParser.TryParse(response.Body.Span, out var answer, out _) && agent.Offer is { } offer
            ? SdpOfferAnswer.ProcessAnswer(offer, answer)
            : null;
        var awaiting = false;
        lock (call.Sync)
        {
            if (agent.Dropped || call.Ended)
            {
                // Dropped while the 200 OK crossed the CANCEL: the leg was ended already (BYE once up).
                EndSip(sip);
                return;
            }
            if (negotiated is null || agent.Media is not { } media)
            {
                call.Agents.Remove(agent.AgentId);
                agent.Dropped = true;
            }
            else
            {
                FrontEndSdp.Apply(media, negotiated);
                agent.Answered = true;
                // A phone that answered by itself is the agent's audio, not the agent's answer: the workspace gives that
                // (the grain's ring deadline ends the leg when it does not come); meanwhile the agent hears the offer tone.
                agent.AwaitingAccept = awaiting = agent.AutoAnswer && !agent.Accepted;
                if (awaiting)
                {
                    _ = media.Play(FrontEndTones.Offer, loop: true);
                }
            }
        }
        if (awaiting)
        {
            LogAutoAnswered(_logger, call.CallId, agent.AgentId);
            return;
        }
        if (!agent.Answered)
        {
            LogAgentLegFailed(_logger, call.CallId, agent.AgentId, 488, AgentLegFailure.Unreachable);
            EndAgentLeg(agent);
            Report(call, new AgentLegFailed(call.CallId, agent.AgentId, AgentLegFailure.Unreachable));
            _metrics.AgentLegs.Add(1, new KeyValuePair<string, object?>("outcome", "unreachable"));
            return;
        }
        _metrics.AgentLegs.Add(1, new KeyValuePair<string, object?>("outcome", "answered"));
        Report(call, new AgentAnswered(call.CallId, agent.AgentId));
    }

    private void Failed(FrontEndCall call, FrontEndAgentLeg agent, AgentLegFailure reason)
    {
        lock (call.Sync)
        {
            if (agent.Dropped)
            {
                return;
            }
            agent.Dropped = true;
            if (call.Agents.TryGetValue(agent.AgentId, out var current) && current == agent)
            {
                call.Agents.Remove(agent.AgentId);
            }
        }
        EndAgentLeg(agent);
        _metrics.AgentLegs.Add(1, new KeyValuePair<string, object?>("outcome", reason.ToString().ToLowerInvariant()));
        Report(call, new AgentLegFailed(call.CallId, agent.AgentId, reason));
    }

    /// <summary>The agent's phone hung up (BYE); other endings of a leg are the ring task's.</summary>
    private void AgentLegEnded(FrontEndCall call, string agentId, SipCall sip, SipCallEndReason reason)
    {
        if (reason is not (SipCallEndReason.RemoteHangUp or SipCallEndReason.TransportFailed))
        {
            return;
        }
        FrontEndAgentLeg? agent;
        bool declined;
        lock (call.Sync)
        {
            if (!call.Agents.TryGetValue(agentId, out agent) || agent.Sip != sip || !agent.Answered)
            {
                return;
            }
            // Hung up after answering by itself, before the agent accepted: the offer is refused.
            declined = agent.AwaitingAccept;
            if (!declined)
            {
                call.Agents.Remove(agentId);
                agent.Dropped = true;
                UnbridgeLocked(call, agent);
            }
        }
        if (declined)
        {
            LogAgentLegFailed(_logger, call.CallId, agentId, 603, AgentLegFailure.Declined);
            Failed(call, agent, AgentLegFailure.Declined);
            return;
        }
        LogAgentLeft(_logger, call.CallId, agentId, reason);
        EndAgentLeg(agent);
        Report(call, new AgentHungUp(call.CallId, agentId));
    }

    /// <summary>Takes the agent's leg out of the bridge (and out of a supervision, a consultation or a conference); a
    /// recording is parked for whoever talks to the caller next.</summary>
    private void UnbridgeLocked(FrontEndCall call, FrontEndAgentLeg agent)
    {
        LeaveSecondAgentMediaLocked(call, agent);
        EndSupervisionLocked(call);
        if (call.Bridge is { } bridge && agent.Media is { } media && bridge.Agent == media)
        {
            call.ParkedRecording ??= bridge.DetachRecording();
            bridge.Dispose();
            call.Bridge = null;
        }
        SuperviseLocked(call);
    }

    private static SipEndPoint Destination(SipBinding binding)
    {
        // The flow the REGISTER came on reaches a phone behind NAT; the contact is for when it is unknown.
        if (binding.Source is { } source)
        {
            return source;
        }
        var uri = binding.Contact.Uri;
        var transport = uri.Parameters.Get("transport")?.ToUpperInvariant() switch
        {
            "TCP" => SipTransportKind.Tcp,
            "TLS" => SipTransportKind.Tls,
            _ => SipTransportKind.Udp,
        };
        return new SipEndPoint(transport, uri.Host, uri.Port ?? (transport == SipTransportKind.Tls ? 5061 : 5060));
    }

    private static AgentLegFailure FailureOf(int statusCode) => statusCode switch
    {
        486 or 600 => AgentLegFailure.Busy,
        603 => AgentLegFailure.Declined,
        408 or 480 or 487 => AgentLegFailure.NoAnswer,
        _ => AgentLegFailure.Unreachable,
    };

    [LoggerMessage(159, LogLevel.Information, "Telephony: call {CallId}: agent {AgentId} cannot be rung: {Reason}")]
    private static partial void LogAgentUnreachable(ILogger logger, string callId, string agentId, string reason);

    [LoggerMessage(160, LogLevel.Information, "Telephony: call {CallId}: agent {AgentId}'s phone answered {Status} ({Reason})")]
    private static partial void LogAgentLegFailed(ILogger logger, string callId, string agentId, int status, AgentLegFailure reason);

    [LoggerMessage(163, LogLevel.Debug, "Telephony: call {CallId}: agent {AgentId} answered in the workspace; the phone's own answer connects the call")]
    private static partial void LogAnswerFromWorkspace(ILogger logger, string callId, string agentId);

    [LoggerMessage(171, LogLevel.Error, "Telephony: call {CallId}: ringing agent {AgentId} failed")]
    private static partial void LogAgentLegError(ILogger logger, string callId, string agentId, Exception exception);

    [LoggerMessage(172, LogLevel.Information, "Telephony: call {CallId}: agent {AgentId} left ({Reason})")]
    private static partial void LogAgentLeft(ILogger logger, string callId, string agentId, SipCallEndReason reason);

    /// <summary>Calls the phone registered for <paramref name="leg"/>'s agent (or supervisor) on a new media leg: the
    /// leg's outgoing SIP call, or null when no phone can be reached (<paramref name="unreachable"/> is told why) or the
    /// leg was dropped meanwhile. <paramref name="forOffer"/>: the agent is offered the call, so the profile's
    /// AutoAnswer counts, and a persistent line that another front end holds takes the offer instead of the phone
    /// (<c>FrontEndCalls.LineRelay.cs</c>).</summary>
    private async Task<SipOutgoingCall?> InvitePhoneAsync(FrontEndCall call, FrontEndAgentLeg leg, Action<string> unreachable,
        bool forOffer = false, string? callerNumber = null)
    {
        var profile = await _store.GetAsync<AgentProfile>(leg.AgentId);
        var line = forOffer && await RemoteLineAddressAsync(profile) is { } address && SipUri.TryParse(address, out var uri) ? uri : null;
        var binding = line is null && profile?.SipUsername is { } user ? await _bindings.FindLatestAsync(user, _time.GetUtcNow()) : null;
        if (line is null && binding is null)
        {
            unreachable(profile?.SipUsername is null ? "the profile has no SIP account" : "no phone is registered");
            return null;
        }
        var media = _engine.CreateLeg($"{call.CallId}-{leg.AgentId}-{Guid.NewGuid():N}", call.CallerMedia.Codec, call.CallerMedia.TelephoneEventPayloadType);
        // The caller's law only: the leg's law is fixed when it is made, and the bridge relays without transcoding then.
        var offer = SdpOfferAnswer.CreateOffer(LocalAudio(media, [FrontEndSdp.CodecOf(media.Codec)]));
        SipOutgoingCall? sip = null;
        lock (call.Sync)
        {
            if (!leg.Dropped)
            {
                leg.Media = media;
                leg.Offer = offer;
                if (line is not null)
                {
                    // The line's front end answers at once; the agent answers with the key on the line or in the workspace,
                    // and an agent's own outbound call connects at once, as on a line held here.
                    leg.AutoAnswer = true;
                    leg.Accepted |= call.Outbound;
                    sip = _userAgent!.SendInvite(LineRelayInvite(line, offer, call.CallId), RelayDestination(line));
                }
                else
                {
                    // An agent who answers in the workspace (the profile's AutoAnswer) has the phone answer by itself.
                    leg.AutoAnswer = forOffer && profile!.AutoAnswer;
                    sip = _userAgent!.SendInvite(PhoneInvite(binding!.Contact.Uri, offer, callerNumber, leg.AutoAnswer), Destination(binding));
                }
                leg.Sip = sip;
                _bySipCallId[sip.CallId] = (call, leg.AgentId);
            }
        }
        if (sip is null)
        {
            Release(leg.AgentId, media);
        }
        return sip;
    }

    /// <summary>The INVITE to an agent's (or supervisor's) phone: From the caller's number (when it needs no escaping in a
    /// SIP URI), so the phone shows who calls; with <paramref name="autoAnswer"/> the two headers phones look for to answer by
    /// themselves: <c>Call-Info</c> with <c>answer-after=0</c> (Snom, Yealink, Grandstream, Linphone, newer baresip's
    /// <c>sip_autoanswer</c>) and <c>Alert-Info</c> with <c>info=alert-autoanswer</c> (Polycom, Cisco SPA). Phones that
    /// know neither just ring, and the agent picks up as usual. Debian's baresip 1.0.0 knows neither (it auto-answers
    /// every call only with the account's <c>answermode=auto</c>).</summary>
    private SipRequest PhoneInvite(SipUri phone, SdpSession offer, string? callerNumber, bool autoAnswer)
    {
        var invite = _userAgent!.CreateRequest(SipMethods.Invite, phone);
        if (invite.From is { } from && callerNumber is { Length: > 0 and <= 32 } && callerNumber.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.' or '_' or '*'))
        {
            invite.Headers.Set(SipHeaderNames.From,
                new NameAddress(new SipUri(SipUriScheme.Sip, callerNumber, from.Uri.Host, from.Uri.Port)).WithTag(from.Tag!).ToString());
        }
        if (autoAnswer)
        {
            var host = invite.From?.Uri.Host ?? phone.Host;
            invite.Headers.Add("Call-Info", $"<sip:{host}>;answer-after=0");
            invite.Headers.Add("Alert-Info", $"<sip:{host}>;info=alert-autoanswer;delay=0");
        }
        invite.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
        invite.Body = offer.ToBytes();
        return invite;
    }

    [LoggerMessage(228, LogLevel.Information, "Telephony: call {CallId}: agent {AgentId}'s phone answered by itself; waiting for the workspace's answer")]
    private static partial void LogAutoAnswered(ILogger logger, string callId, string agentId);

    [LoggerMessage(229, LogLevel.Information, "Telephony: call {CallId}: agent {AgentId} answered in the workspace; the auto-answered phone is connected")]
    private static partial void LogAutoAnswerAccepted(ILogger logger, string callId, string agentId);
}
