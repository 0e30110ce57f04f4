using System.Collections.Concurrent;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Media.Codecs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Host.Telephony;

/// <summary>Persistent lines (<see cref="LineMode.PersistentLine"/>, CALL-4). At log-in the agent grain asks for the line
/// (<see cref="OpenLineAsync"/>): the front end calls the phone registered under the profile's <c>Phone</c>; when none
/// is and <c>Phone</c> is a number (a mobile), it dials that number through the outbound trunks; failing both, the phone
/// registered under the SIP user name. The leg stays up between calls, fed silence. An offer to the agent
/// (<see cref="RingAgentAsync"/>) plays an offer tone into the line instead of ringing a phone; the agent accepts with
/// <see cref="AcceptDigit"/> on the keypad (RFC 4733) or from the workspace (<see cref="AnswerAgentAsync"/>), and the
/// ring timeout reports no answer as for a phone. The call's bridge, consultation or conference then uses the line's
/// media as the agent's leg; dropping the leg or ending the call gives the line back (silence again). An agent dialling
/// out on this front end is connected at once. The agent grain hears of the line through
/// <see cref="IAgentGrain.OnLineEventAsync"/>: up, or down when it could not be opened or dropped (BYE from the phone,
/// no RTP once up) — a call on it then sees the agent hang up. A line lives in this front end only: a call arriving on
/// another front end is relayed into it (<c>FrontEndCalls.LineRelay.cs</c>), and a front end that stops ends its lines.</summary>
internal sealed partial class FrontEndCalls
{
    /// <summary>The key an agent presses on the line to take the offer.</summary>
    public const char AcceptDigit = '1';

    private readonly ConcurrentDictionary<string, FrontEndLine> _lines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FrontEndLine> _linesBySipCallId = new(StringComparer.Ordinal);

    /// <summary>Persistent lines held now (open or opening).</summary>
    public int LineCount => _lines.Count;

    public Task OpenLineAsync(string agentId, string lineId)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentException.ThrowIfNullOrEmpty(lineId);
        if (_lines.TryGetValue(agentId, out var existing) && existing.LineId == lineId)
        {
            return Task.CompletedTask;
        }
        var media = _engine.CreateLeg($"line-{agentId}-{lineId}", G711Codec.MuLaw);
        var line = new FrontEndLine(agentId, lineId, media);
        media.DigitReceived += (_, detection) => LineDigit(line, detection.Digit);
        media.Inactive += _ => LineInactive(line);
        FrontEndLine? replaced = null;
        _lines.AddOrUpdate(agentId, line, (_, old) =>
        {
            replaced = old;
            return line;
        });
        if (replaced is not null)
        {
            EndLine(replaced, reason: null);
        }
        _linesByOfferToken[line.OfferToken] = line;
        LogLineOpening(_logger, agentId, lineId);
        _ = DialLineAsync(line);
        return Task.CompletedTask;
    }

    public Task CloseLineAsync(string agentId, string lineId)
    {
        if (_lines.TryGetValue(agentId, out var line) && line.LineId == lineId)
        {
            LogLineClosed(_logger, agentId, lineId);
            EndLine(line, reason: null);
        }
        return Task.CompletedTask;
    }

    /// <summary>Calls the agent's phone for the line and reports whether it answered.</summary>
    private async Task DialLineAsync(FrontEndLine line)
    {
        try
        {
            if (await _store.GetAsync<AgentProfile>(line.AgentId) is not { } profile)
            {
                LineDown(line, "the agent has no profile");
                return;
            }
            if (await CallLinePhoneAsync(line, profile) is not { } response)
            {
                return;
            }
            if (!response.IsSuccess)
            {
                LineDown(line, line.Dialog.RangOut ? "the phone did not answer" : $"the phone answered {response.StatusCode} {response.ReasonPhrase}");
                return;
            }
            var negotiated = SdpParser.TryParse(response.Body.Span, out var answer, out _) && line.Dialog.Offer is { } offer
                ? SdpOfferAnswer.ProcessAnswer(offer, answer)
                : null;
            if (negotiated is null)
            {
                LineDown(line, "the phone's answer carries no usable SDP");
                return;
            }
            FrontEndSdp.Apply(line.Media, negotiated);
            var sip = line.Dialog.Sip!;
            FrontEndCall? call;
            FrontEndAgentLeg? leg;
            lock (line.Sync)
            {
                if (line.Ended)
                {
                    // Closed while the 200 OK crossed the CANCEL.
                    EndSip(sip);
                    return;
                }
                // Known from now on: an INVITE retried with credentials keeps its Call-ID, and the first one's end must
                // not look like the line's.
                _linesBySipCallId[sip.CallId] = line;
                line.Up = true;
                (call, leg) = (line.Call, line.Leg);
                if (leg is null)
                {
                    _ = line.Media.Play(FrontEndTones.Silence, loop: true);
                }
            }
            LogLineUp(_logger, line.AgentId, line.LineId, line.Dialog.Sip?.CallId);
            ReportLine(line, new AgentLineEvent(line.LineId, Up: true, OfferAddress: OfferAddress(line)));
            if (call is not null && leg is not null)
            {
                // An offer came while the phone was being called.
                OfferOnLine(line, call, leg);
            }
        }
        catch (Exception exception)
        {
            LogLineError(_logger, line.AgentId, line.LineId, exception);
            LineDown(line, "calling the phone failed in the front end");
        }
    }

    /// <summary>INVITEs the phone of the line (see the class summary for which) and waits for the final response; null
    /// when the line ended meanwhile or no phone could be called (the line is then reported down).</summary>
    private async Task<SipResponse?> CallLinePhoneAsync(FrontEndLine line, AgentProfile profile)
    {
        var now = _time.GetUtcNow();
        var binding = profile.Phone is { } phone ? await _bindings.FindLatestAsync(phone, now) : null;
        if (binding is null && profile.Phone is { } number && IsExternalNumber(number))
        {
            var trunks = await OutboundTrunksAsync();
            if (trunks.Count == 0)
            {
                LineDown(line, $"no outbound trunk to dial {number}");
                return null;
            }
            return await DialTrunksAsync(line.Sync, $"line {line.LineId} of agent {line.AgentId}", () => line.Ended, line.Dialog, trunks,
                number, callerNumber: null, _options.DefaultRingTimeout);
        }
        binding ??= profile.SipUsername is { } user ? await _bindings.FindLatestAsync(user, now) : null;
        if (binding is null)
        {
            LineDown(line, profile.Phone is null && profile.SipUsername is null ? "the profile has no phone" : "no phone is registered");
            return null;
        }
        var offer = SdpOfferAnswer.CreateOffer(LocalAudio(line.Media, [SdpCodec.Pcmu]));
        SipOutgoingCall sip;
        lock (line.Sync)
        {
            if (line.Ended)
            {
                return null;
            }
            line.Dialog.Offer = offer;
            sip = _userAgent!.Invite(binding.Contact.Uri, Destination(binding), offer.ToBytes());
            line.Dialog.Sip = sip;
        }
        using (_time.CreateTimer(_ => RingOut(line.Dialog, sip), null, _options.DefaultRingTimeout, Timeout.InfiniteTimeSpan))
        {
            return await sip.Answered;
        }
    }

    /// <summary>The line's dialog ended (<see cref="OnCallEnded"/>); false when <paramref name="sip"/> is no line's.</summary>
    private bool LineDialogEnded(SipCall sip, SipCallEndReason reason)
    {
        if (!_linesBySipCallId.TryGetValue(sip.CallId, out var line))
        {
            return false;
        }
        // The dialog is known only once up (failures before the answer are the dialling task's); we hung up ourselves
        // when the line ended.
        _linesBySipCallId.TryRemove(sip.CallId, out _);
        if (reason is SipCallEndReason.RemoteHangUp or SipCallEndReason.TransportFailed or SipCallEndReason.TimedOut)
        {
            LineDown(line, reason == SipCallEndReason.RemoteHangUp ? "the agent hung up the phone" : $"the line failed ({reason})");
        }
        return true;
    }

    private void LineInactive(FrontEndLine line)
    {
        lock (line.Sync)
        {
            if (!line.Up)
            {
                return;
            }
        }
        LineDown(line, "no RTP from the phone");
    }

    /// <summary>The line could not be opened or dropped: it ends, and the agent grain hears why.</summary>
    private void LineDown(FrontEndLine line, string reason)
    {
        if (EndLine(line, reason))
        {
            ReportLine(line, new AgentLineEvent(line.LineId, Up: false, reason));
        }
    }

    /// <summary>Ends every line (the node stops).</summary>
    private void EndAllLines()
    {
        foreach (var line in _lines.Values)
        {
            LineDown(line, "the front end stopped");
        }
    }

    /// <summary>Ends the line: a call on it loses its agent (an offer fails as unreachable, a conversation sees the agent
    /// hang up), the dialog is cancelled or hung up and the media released. False when it had ended already.</summary>
    private bool EndLine(FrontEndLine line, string? reason)
    {
        FrontEndCall? call;
        FrontEndAgentLeg? agent;
        FrontEndLineRelay? relay;
        lock (line.Sync)
        {
            if (line.Ended)
            {
                return false;
            }
            line.Ended = true;
            (call, agent, relay) = (line.Call, line.Leg, line.Relay);
            line.Call = null;
            line.Leg = null;
            line.OfferTimer?.Dispose();
            line.OfferTimer = null;
            line.Dialog.Dropped = true;
        }
        _lines.TryRemove(new KeyValuePair<string, FrontEndLine>(line.AgentId, line));
        _linesByOfferToken.TryRemove(line.OfferToken, out _);
        if (reason is not null)
        {
            LogLineDown(_logger, line.AgentId, line.LineId, reason);
        }
        if (call is not null && agent is not null)
        {
            LineLeftCall(call, agent);
        }
        if (relay is not null)
        {
            // The other front end sees its agent hang up.
            EndRelay(line, relay);
        }
        if (line.Dialog.Sip is { } sip)
        {
            _linesBySipCallId.TryRemove(sip.CallId, out _);
            EndSip(sip);
        }
        Release(line.AgentId, line.Media);
        return true;
    }

    /// <summary>The line under a call's agent leg ended.</summary>
    private void LineLeftCall(FrontEndCall call, FrontEndAgentLeg agent)
    {
        bool answered;
        lock (call.Sync)
        {
            if (agent.Dropped)
            {
                return;
            }
            if (call.Agents.TryGetValue(agent.AgentId, out var current) && current == agent)
            {
                call.Agents.Remove(agent.AgentId);
            }
            agent.Dropped = true;
            answered = agent.Answered;
            UnbridgeLocked(call, agent);
        }
        Report(call, answered
            ? new AgentHungUp(call.CallId, agent.AgentId)
            : new AgentLegFailed(call.CallId, agent.AgentId, AgentLegFailure.Unreachable));
    }

    private void ReportLine(FrontEndLine line, AgentLineEvent lineEvent)
    {
        lock (line.Sync)
        {
            line.Reports = line.Reports.ContinueWith(_ => SendLineAsync(line.AgentId, lineEvent), CancellationToken.None,
                TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    private async Task SendLineAsync(string agentId, AgentLineEvent lineEvent)
    {
        try
        {
            await _grains.GetGrain<IAgentGrain>(agentId).OnLineEventAsync(lineEvent);
        }
        catch (Exception exception)
        {
            LogLineReportFailed(_logger, agentId, lineEvent.LineId, exception);
        }
    }

    /// <summary>A number to dial through a trunk rather than a SIP user: digits with an optional leading <c>+</c>.</summary>
    private static bool IsExternalNumber(string phone) =>
        phone.Length > 1 && phone.Skip(phone[0] == '+' ? 1 : 0).All(char.IsAsciiDigit);

    [LoggerMessage(220, LogLevel.Information, "Telephony: opening agent {AgentId}'s persistent line {LineId}")]
    private static partial void LogLineOpening(ILogger logger, string agentId, string lineId);

    [LoggerMessage(221, LogLevel.Information, "Telephony: agent {AgentId}'s persistent line {LineId} is up (SIP call {SipCallId})")]
    private static partial void LogLineUp(ILogger logger, string agentId, string lineId, string? sipCallId);

    [LoggerMessage(222, LogLevel.Information, "Telephony: agent {AgentId}'s persistent line {LineId} is down: {Reason}")]
    private static partial void LogLineDown(ILogger logger, string agentId, string lineId, string reason);

    [LoggerMessage(223, LogLevel.Information, "Telephony: agent {AgentId}'s persistent line {LineId} is closed")]
    private static partial void LogLineClosed(ILogger logger, string agentId, string lineId);

    [LoggerMessage(226, LogLevel.Error, "Telephony: agent {AgentId}'s persistent line {LineId} failed")]
    private static partial void LogLineError(ILogger logger, string agentId, string lineId, Exception exception);

    [LoggerMessage(227, LogLevel.Warning, "Telephony: reporting persistent line {LineId} to agent {AgentId} failed")]
    private static partial void LogLineReportFailed(ILogger logger, string agentId, string lineId, Exception exception);
}
