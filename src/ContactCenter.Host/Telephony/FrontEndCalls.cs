using System.Collections.Concurrent;
using ContactCenter.Actors;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.UserAgents;
using ContactCenter.Storage.Documents;

namespace ContactCenter.Host.Telephony;

/// <summary>The B2BUA core of the sip role: SIP calls (<see cref="ISipCallHandler"/>) on one side, the call grains'
/// commands (<see cref="ICallMedia"/>) on the other. Inbound INVITEs become call grains; the grains' commands become
/// media-leg operations and agent INVITEs; what happens on the legs comes back as <see cref="CallMediaEvent"/>s, in
/// order per call. Every <see cref="ICallMedia"/> method starts its action and returns: it runs inside the grain's
/// turn and must never wait on the grain.</summary>
internal sealed partial class FrontEndCalls : ISipCallHandler, ICallMedia
{
    private readonly ConcurrentDictionary<string, FrontEndCall> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (FrontEndCall Call, string? AgentId)> _bySipCallId = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly IDocumentStore _store;
    private readonly MediaEngine _engine;
    private readonly AgentBindingStore _bindings;
    private readonly SipDigestAuthenticator _authenticator;
    private readonly FrontEndPrompts _prompts;
    private readonly SipFrontEndOptions _options;
    private readonly string _mediaAddress;
    private readonly bool _trustLoopback;
    private readonly TimeProvider _time;
    private readonly SipFrontEndMetrics _metrics;
    private readonly ILogger _logger;
    private SipUserAgent? _userAgent;
    private ICallMedia? _reference;
    private int _sipPort;

    /// <summary>Creates the core; <paramref name="mediaAddress"/> is the connection address of its SDP (never a
    /// wildcard), <paramref name="trustLoopback"/> says whether INVITEs from loopback are trusted without a trunk (the
    /// in-memory demo); <paramref name="authenticator"/> is the registrar's, which agents' phones placing calls answer
    /// too.</summary>
    public FrontEndCalls(
        IGrainFactory grains, IDocumentStore store, MediaEngine engine, AgentBindingStore bindings, SipDigestAuthenticator authenticator,
        SipFrontEndOptions options, string mediaAddress, bool trustLoopback, TimeProvider time, SipFrontEndMetrics metrics,
        ILogger<FrontEndCalls> logger)
    {
        _authenticator = authenticator;
        _mediaAddress = mediaAddress;
        _grains = grains;
        _store = store;
        _engine = engine;
        _bindings = bindings;
        _options = options;
        _trustLoopback = trustLoopback;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _prompts = new FrontEndPrompts(options.PromptDirectory, options.GeneratedPromptDirectory);
    }

    /// <summary>Calls held now.</summary>
    public int CallCount => _calls.Count;

    /// <summary>The call grain key of a SIP call (the caller's Call-ID or an agent leg's) while the front end holds it.</summary>
    public string? FindCallId(string sipCallId) => _bySipCallId.TryGetValue(sipCallId, out var entry) ? entry.Call.CallId : null;

    /// <summary>Connects the core to its stack and to the grains' reference to it, once both exist (the stack needs the
    /// core as its handler first); <paramref name="sipPort"/> is the stack's UDP port, where other front ends reach it.</summary>
    public void Attach(SipUserAgent userAgent, ICallMedia reference, int sipPort)
    {
        _userAgent = userAgent;
        _reference = reference;
        _sipPort = sipPort;
    }

    /// <summary>Hangs up every call (the node stops): the grains hear that the callers hung up; then the persistent
    /// lines, whose agents hear that they were lost.</summary>
    public void HangUpAll()
    {
        foreach (var call in _calls.Values)
        {
            EndCall(call, reportCallerHungUp: true);
        }
        EndAllLines();
    }

    public void OnCallEnded(SipCall call, SipCallEndReason reason)
    {
        if (LineDialogEnded(call, reason) || RelayDialogEnded(call))
        {
            return;
        }
        if (!_bySipCallId.TryRemove(call.CallId, out var entry))
        {
            return;
        }
        if (entry.Call.Transferred && reason is not (SipCallEndReason.LocalHangUp or SipCallEndReason.Rejected))
        {
            // Either side of a transferred call hung up: the other one goes too, and the grain has left already.
            EndCall(entry.Call);
        }
        else if (IsLeg(entry.Call, call, c => c.Supervisor))
        {
            SupervisorLegEnded(entry.Call, call, reason);
        }
        else if (entry.AgentId is { } agentId)
        {
            if (!PlacedLegEnded(entry.Call, agentId, call, reason))
            {
                AgentLegEnded(entry.Call, agentId, call, reason);
            }
        }
        else if (reason is not (SipCallEndReason.LocalHangUp or SipCallEndReason.Rejected))
        {
            // BYE, CANCEL before the answer, no ACK, or the transport failed: the customer is gone.
            LogCallerLeft(_logger, entry.Call.CallId, call.CallId, reason);
            lock (entry.Call.Sync)
            {
                entry.Call.CallerMedia.StopPlayout();
                // What the caller said before hanging up is the message: reported before the hang-up.
                FinishVoicemailLocked(entry.Call, report: true);
            }
            Report(entry.Call, new CallerHungUp(entry.Call.CallId));
        }
    }

    /// <summary>Ends every leg of <paramref name="call"/> and releases its media; false when it had ended already.</summary>
    private bool EndCall(FrontEndCall call, bool reportCallerHungUp = false)
    {
        List<FrontEndAgentLeg> agents;
        lock (call.Sync)
        {
            if (call.Ended)
            {
                return false;
            }
            call.Ended = true;
            EndSupervisionLocked(call);
            agents = [.. call.Agents.Values];
            call.Agents.Clear();
            // The transfer target and a listening supervisor go with the call.
            agents.AddRange(new[] { call.Transfer, call.Supervisor }.OfType<FrontEndAgentLeg>());
            call.Transfer = null;
            call.Supervisor = null;
            foreach (var agent in agents)
            {
                agent.Dropped = true;
            }
            FinishVoicemailLocked(call, report: reportCallerHungUp);
            EndConsultationLocked(call);
            EndConferenceLocked(call);
            StopRecordingLocked(call);
            call.Bridge?.Dispose();
            call.Bridge = null;
            if (!call.HandedOver)
            {
                call.CallerMedia.StopPlayout();
            }
        }
        _calls.TryRemove(call.CallId, out _);
        _metrics.ActiveCalls.Add(-1);
        foreach (var agent in agents)
        {
            EndAgentLeg(agent);
        }
        if (call.Caller is { } caller)
        {
            _bySipCallId.TryRemove(caller.CallId, out _);
            EndSip(caller);
        }
        if (!call.HandedOver)
        {
            Release(call.CallId, call.CallerMedia);
        }
        if (reportCallerHungUp)
        {
            Report(call, new CallerHungUp(call.CallId));
        }
        return true;
    }

    /// <summary>Stops ringing the agent's phone or hangs it up, and releases the leg's media; a leg on a persistent line
    /// gives the line back instead.</summary>
    private void EndAgentLeg(FrontEndAgentLeg agent)
    {
        var transferTold = PhoneTransferDone(agent);
        if (agent.Line is { } line)
        {
            ReleaseLine(line, agent);
            return;
        }
        if (agent.Placed is { } placed)
        {
            if (transferTold.IsCompleted)
            {
                EndPlacedLeg(agent, placed);
            }
            else
            {
                _ = transferTold.ContinueWith(_ => EndPlacedLeg(agent, placed), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }
        if (agent.Sip is { } sip)
        {
            _bySipCallId.TryRemove(sip.CallId, out _);
            if (transferTold.IsCompleted)
            {
                EndSip(sip);
            }
            else
            {
                _ = transferTold.ContinueWith(_ => EndSip(sip), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }
        if (agent.Media is { } media)
        {
            Release(agent.AgentId, media);
        }
    }

    /// <summary>CANCEL while it rings, 480 for an unanswered incoming call, BYE once up.</summary>
    private void EndSip(SipCall sip)
    {
        switch (sip)
        {
            case SipOutgoingCall { State: SipCallState.Pending } ringing:
                ringing.Cancel();
                break;
            case SipIncomingCall { State: SipCallState.Pending } incoming:
                incoming.Reject(480);
                break;
            case { State: SipCallState.Established }:
                _ = HangUpQuietlyAsync(sip);
                break;
            default:
                break;
        }
    }

    private async Task HangUpQuietlyAsync(SipCall sip)
    {
        try
        {
            await sip.HangUpAsync();
        }
        catch (InvalidOperationException)
        {
            // The peer hung up first.
        }
    }

    private void Release(string owner, MediaLeg media) => _ = ReleaseAsync(owner, media);

    private async Task ReleaseAsync(string owner, MediaLeg media)
    {
        try
        {
            await _engine.ReleaseAsync(media.Id);
        }
        catch (Exception exception)
        {
            LogMediaFailed(_logger, owner, "release", exception);
        }
    }

    /// <summary>Sends an event to the call grain after the ones before it (the grain ignores those that no longer fit).</summary>
    private void Report(FrontEndCall call, CallMediaEvent mediaEvent)
    {
        lock (call.Sync)
        {
            if (call.Transferred)
            {
                // The grain left the call when the transfer completed.
                return;
            }
            call.Reports = call.Reports.ContinueWith(_ => SendAsync(mediaEvent), CancellationToken.None,
                TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    private async Task SendAsync(CallMediaEvent mediaEvent)
    {
        try
        {
            await _grains.GetGrain<ICallGrain>(mediaEvent.CallId).OnMediaEventAsync(mediaEvent);
        }
        catch (Exception exception)
        {
            LogReportFailed(_logger, mediaEvent.CallId, mediaEvent.GetType().Name, exception);
        }
    }

    /// <summary>What <paramref name="leg"/> offers or answers with: its port at the advertised address (the leg's own
    /// address may be a wildcard).</summary>
    private SdpLocalAudio LocalAudio(MediaLeg leg, IReadOnlyList<SdpCodec> codecs) =>
        FrontEndSdp.LocalAudio(_mediaAddress, leg.LocalEndPoint.Port, codecs);

    /// <summary>Whether <paramref name="sip"/> is the dialog of the leg <paramref name="leg"/> picks from the call.</summary>
    private static bool IsLeg(FrontEndCall call, SipCall sip, Func<FrontEndCall, FrontEndAgentLeg?> leg)
    {
        lock (call.Sync)
        {
            return leg(call)?.Sip == sip;
        }
    }

    private bool TryGetCall(string callId, string command, out FrontEndCall call)
    {
        if (_calls.TryGetValue(callId, out call!))
        {
            return true;
        }
        LogUnknownCall(_logger, callId, command);
        return false;
    }

    [LoggerMessage(156, LogLevel.Warning, "Telephony: reporting {Event} to call {CallId} failed")]
    private static partial void LogReportFailed(ILogger logger, string callId, string @event, Exception exception);

    [LoggerMessage(158, LogLevel.Debug, "Telephony: {Command} for call {CallId}, which this front end does not hold (ended); ignored")]
    private static partial void LogUnknownCall(ILogger logger, string callId, string command);

    [LoggerMessage(164, LogLevel.Warning, "Telephony: media {Operation} for {Owner} failed")]
    private static partial void LogMediaFailed(ILogger logger, string owner, string operation, Exception exception);

    [LoggerMessage(165, LogLevel.Information, "Telephony: the caller of call {CallId} left (SIP call {SipCallId}: {Reason})")]
    private static partial void LogCallerLeft(ILogger logger, string callId, string sipCallId, SipCallEndReason reason);
}
