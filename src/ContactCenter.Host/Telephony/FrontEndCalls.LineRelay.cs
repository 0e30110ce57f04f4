using System.Collections.Concurrent;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgents;
using SipTransportKind = ContactCenter.Sip.Transactions.SipTransportKind;

namespace ContactCenter.Host.Telephony;

/// <summary>Persistent lines with several front ends. A line lives in the front end that called the phone; a call
/// arriving on another front end reaches the agent through it:
/// <list type="bullet">
/// <item>the holding front end reports the line up with an offer address, <c>sip:line-{secret}@{host}:{port}</c>, which
/// the agent grain keeps (<see cref="IAgentGrain.GetLineOfferAddressAsync"/>);</item>
/// <item>the call's front end, asked to ring an agent whose profile has a persistent line it does not hold, INVITEs that
/// address as the agent's leg, naming the call in <see cref="RelayCallHeader"/>, and treats the leg as a phone that
/// answers by itself: it plays the offer tone into it and reports the agent's answer when the workspace answers;</item>
/// <item>the holding front end answers at once when the line is up and idle (busy 486 when it serves a call, 480 when
/// it is not up, 404 for an unknown secret) and bridges the INVITE's media with the line's: the agent hears the offer
/// tone, then the caller. The accept key on the line answers the call through its grain, as the workspace does. Either
/// side's BYE ends the relay; the line goes back to silence (or, when the line drops, the other front end sees its agent
/// hang up).</item>
/// </list>
/// A relay left over from a front end that died (no BYE came) is found out when the line gets a new offer or the relay
/// falls silent: the call grain then no longer has the agent on the call, and the relay is ended.</summary>
internal sealed partial class FrontEndCalls
{
    /// <summary>The header of a relay INVITE that names the call (the call grain's key).</summary>
    public const string RelayCallHeader = "X-ContactCenter-Call";

    private const string LineOfferUserPrefix = "line-";

    private readonly ConcurrentDictionary<string, FrontEndLine> _linesByOfferToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FrontEndLine> _linesByRelaySipCallId = new(StringComparer.Ordinal);

    /// <summary>The address other front ends send the line's offers to.</summary>
    private string OfferAddress(FrontEndLine line) => $"sip:{LineOfferUserPrefix}{line.OfferToken}@{_mediaAddress}:{_sipPort}";

    /// <summary>True when the INVITE is another front end's offer for a line (its Request-URI names one); it is then
    /// handled here.</summary>
    private bool TryReceiveLineOffer(SipIncomingCall sip)
    {
        if (sip.Invite.RequestUri.User is not { } user || !user.StartsWith(LineOfferUserPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        _ = ReceiveLineOfferAsync(sip, user[LineOfferUserPrefix.Length..]);
        return true;
    }

    private async Task ReceiveLineOfferAsync(SipIncomingCall sip, string token)
    {
        try
        {
            if (!_linesByOfferToken.TryGetValue(token, out var line))
            {
                Refuse(sip, 404, "not_found", "no persistent line of this front end has that offer address");
                return;
            }
            if (sip.Invite.Headers.Get(RelayCallHeader) is not { Length: > 0 } callId)
            {
                Refuse(sip, 400, "bad_request", $"a line offer without {RelayCallHeader}");
                return;
            }
            if (sip.Invite.Body.IsEmpty || !SdpParser.TryParse(sip.Invite.Body.Span, out var offer, out _)
                || SdpOfferAnswer.CreateAnswer(offer, FrontEndSdp.LocalAudio("127.0.0.1", 0)).Audio is not { } probe
                || FrontEndSdp.LawOf(probe.Codec) is not { } law)
            {
                Refuse(sip, 488, "not_acceptable", "the line offer carries no SDP with PCMU or PCMA");
                return;
            }
            await EndStaleRelayAsync(line);
            var media = _engine.CreateLeg($"relay-{line.AgentId}-{callId}", law, FrontEndSdp.TelephoneEvent(probe));
            var answer = SdpOfferAnswer.CreateAnswer(offer, LocalAudio(media, [FrontEndSdp.CodecOf(law)]));
            FrontEndSdp.Apply(media, answer.Audio!);
            var relay = new FrontEndLineRelay(callId, sip, media);
            int? refusal = null;
            lock (line.Sync)
            {
                if (line.Ended || !line.Up)
                {
                    refusal = 480;
                }
                else if (line.Leg is not null || line.Relay is not null || sip.State != SipCallState.Pending)
                {
                    refusal = sip.State == SipCallState.Pending ? 486 : 487;
                }
                else
                {
                    line.Relay = relay;
                    _linesByRelaySipCallId[sip.CallId] = line;
                    line.Media.StopPlayout();
                    relay.Bridge = _engine.Bridge(media, line.Media);
                    sip.Accept(answer.Answer.ToBytes());
                }
            }
            if (refusal is { } status)
            {
                Release(line.AgentId, media);
                Refuse(sip, status, status == 486 ? "busy" : "unavailable", $"agent {line.AgentId}'s line is {(status == 486 ? "busy" : "not up")}");
                return;
            }
            media.Inactive += silent => _ = EndRelayUnlessWantedAsync(line, relay);
            LogLineRelayed(_logger, callId, line.AgentId, line.LineId);
        }
        catch (Exception exception)
        {
            LogLineRelayFailed(_logger, sip.CallId, exception);
            sip.Reject(500);
        }
    }

    /// <summary>The other front end ended the relay (BYE, or the INVITE was cancelled); false when
    /// <paramref name="sip"/> is no relay's.</summary>
    private bool RelayDialogEnded(SipCall sip)
    {
        if (!_linesByRelaySipCallId.TryRemove(sip.CallId, out var line))
        {
            return false;
        }
        FrontEndLineRelay? relay;
        lock (line.Sync)
        {
            relay = line.Relay;
        }
        if (relay is not null && relay.Sip == sip)
        {
            EndRelay(line, relay);
        }
        return true;
    }

    /// <summary>Ends the relay: unbridges, hangs up its dialog (unless it has ended) and releases its media; the line, when
    /// it is still up, goes back to silence.</summary>
    private void EndRelay(FrontEndLine line, FrontEndLineRelay relay)
    {
        lock (line.Sync)
        {
            if (line.Relay != relay)
            {
                return;
            }
            line.Relay = null;
            relay.Bridge?.Dispose();
            relay.Bridge = null;
            if (line.Up && !line.Ended)
            {
                _ = line.Media.Play(FrontEndTones.Silence, loop: true);
            }
        }
        _linesByRelaySipCallId.TryRemove(relay.Sip.CallId, out _);
        LogLineRelayEnded(_logger, relay.CallId, line.AgentId, line.LineId);
        EndSip(relay.Sip);
        Release(line.AgentId, relay.Media);
    }

    /// <summary>The accept key on a line that relays a call: the agent answers the call through its grain, as from the
    /// workspace (the call's front end then connects it).</summary>
    private async Task AcceptRelayedOfferAsync(FrontEndLine line, FrontEndLineRelay relay)
    {
        try
        {
            var result = await _grains.GetGrain<ICallGrain>(relay.CallId).AnswerAsync(line.AgentId);
            LogLineRelayAccepted(_logger, relay.CallId, line.AgentId, result.Succeeded ? "answered" : $"{result.Error}: {result.Message}");
        }
        catch (Exception exception)
        {
            LogLineRelayAcceptFailed(_logger, relay.CallId, line.AgentId, exception);
        }
    }

    /// <summary>No RTP from the other front end for the inactivity timeout: normal while the customer is held, so the
    /// relay ends only when its call no longer has the agent (the front end died without a BYE).</summary>
    private async Task EndRelayUnlessWantedAsync(FrontEndLine line, FrontEndLineRelay relay)
    {
        if (!await RelayStillWantedAsync(line, relay))
        {
            EndRelay(line, relay);
        }
    }

    /// <summary>Before a new offer: a relay whose call no longer has the agent is left over and ends.</summary>
    private async Task EndStaleRelayAsync(FrontEndLine line)
    {
        FrontEndLineRelay? relay;
        lock (line.Sync)
        {
            relay = line.Relay;
        }
        if (relay is not null)
        {
            await EndRelayUnlessWantedAsync(line, relay);
        }
    }

    /// <summary>Whether the relay's call still has the line's agent on it (talking, rung or consulted); true when the call
    /// grain cannot be asked (the relay is kept rather than cut).</summary>
    private async Task<bool> RelayStillWantedAsync(FrontEndLine line, FrontEndLineRelay relay)
    {
        try
        {
            var status = await _grains.GetGrain<ICallGrain>(relay.CallId).GetStatusAsync();
            return status.Phase != CallPhase.Ended && (status.AgentId == line.AgentId || status.Consult?.AgentId == line.AgentId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLineRelayCheckFailed(_logger, relay.CallId, line.AgentId, exception.Message);
            return true;
        }
    }

    /// <summary>Asks the agent grain where the agent's persistent line takes offers, for an agent with a persistent-line
    /// profile whose line this front end does not hold; null when there is none up (or the grain cannot be asked: the
    /// phone is then rung per call).</summary>
    private async Task<string?> RemoteLineAddressAsync(AgentProfile? profile)
    {
        if (profile?.LineMode != LineMode.PersistentLine || _lines.ContainsKey(profile.Id))
        {
            return null;
        }
        try
        {
            return await _grains.GetGrain<IAgentGrain>(profile.Id).GetLineOfferAddressAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLineRelayCheckFailed(_logger, "(offer)", profile.Id, exception.Message);
            return null;
        }
    }

    /// <summary>The INVITE to another front end's line: to its offer address, naming the call.</summary>
    private SipRequest LineRelayInvite(SipUri address, SdpSession offer, string callId)
    {
        var invite = _userAgent!.CreateRequest(SipMethods.Invite, address);
        invite.Headers.Add(RelayCallHeader, callId);
        invite.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
        invite.Body = offer.ToBytes();
        return invite;
    }

    private static SipEndPoint RelayDestination(SipUri address) =>
        new(SipTransportKind.Udp, address.Host, address.Port ?? 5060);

    [LoggerMessage(280, LogLevel.Information, "Telephony: call {CallId} of another front end is relayed into agent {AgentId}'s persistent line {LineId}")]
    private static partial void LogLineRelayed(ILogger logger, string callId, string agentId, string lineId);

    [LoggerMessage(281, LogLevel.Information, "Telephony: the relay of call {CallId} into agent {AgentId}'s persistent line {LineId} ended")]
    private static partial void LogLineRelayEnded(ILogger logger, string callId, string agentId, string lineId);

    [LoggerMessage(282, LogLevel.Information, "Telephony: call {CallId}: agent {AgentId} took the relayed offer with the key on the line: {Outcome}")]
    private static partial void LogLineRelayAccepted(ILogger logger, string callId, string agentId, string outcome);

    [LoggerMessage(283, LogLevel.Warning, "Telephony: call {CallId}: agent {AgentId}'s answer with the key on the line failed")]
    private static partial void LogLineRelayAcceptFailed(ILogger logger, string callId, string agentId, Exception exception);

    [LoggerMessage(284, LogLevel.Warning, "Telephony: call {CallId}: asking about agent {AgentId}'s persistent line failed: {Error}")]
    private static partial void LogLineRelayCheckFailed(ILogger logger, string callId, string agentId, string error);

    [LoggerMessage(285, LogLevel.Error, "Telephony: the line offer {SipCallId} failed; answered 500")]
    private static partial void LogLineRelayFailed(ILogger logger, string sipCallId, Exception exception);
}
