using System.Collections.Immutable;
using System.Net;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.UserAgents;
using ContactCenter.Storage.Documents;

namespace ContactCenter.Host.Telephony;

internal sealed partial class FrontEndCalls
{
    /// <summary>The call attribute that names the trunk a call came in on.</summary>
    public const string TrunkAttribute = "trunk";

    public void OnIncomingCall(SipIncomingCall call)
    {
        if (_reference is null)
        {
            call.Reject(503);
            return;
        }
        if (TryReceiveLineOffer(call))
        {
            return;
        }
        // Trust and number lookups read the document store: off the transport thread.
        _ = ReceiveInviteAsync(call, _reference);
    }

    private async Task ReceiveInviteAsync(SipIncomingCall call, ICallMedia reference)
    {
        try
        {
            var invite = call.Invite;
            var dialled = invite.RequestUri.User;
            var from = invite.From?.Uri.User ?? invite.From?.Uri.Host ?? "anonymous";
            if (!IPAddress.TryParse(call.Peer.Host.Trim('[', ']'), out var source))
            {
                Refuse(call, 403, "forbidden", $"source {call.Peer.Host} is not an IP address");
                return;
            }
            var trunks = new List<Trunk>();
            await foreach (var trunk in _store.ReadAllAsync<Trunk>())
            {
                trunks.Add(trunk);
            }
            var trusted = TrunkTrust.FindTrunk(trunks, source);
            // An agent's phone placing a call authenticates as the agent, wherever it is.
            if (await TryReceivePhoneInviteAsync(call, reference, trusted))
            {
                return;
            }
            if (trusted is null && !(_trustLoopback && IPAddress.IsLoopback(source)))
            {
                Refuse(call, 403, "forbidden", $"source {source} is in no inbound trunk's allowed sources");
                return;
            }
            var number = dialled is null ? null : await _store.GetAsync<InboundNumber>(dialled);
            if (number is null)
            {
                Refuse(call, 404, "not_found", $"number {dialled} is not configured");
                return;
            }
            if (trusted is not null && !number.TrunkIds.IsDefaultOrEmpty && !number.TrunkIds.Contains(trusted.Id))
            {
                Refuse(call, 403, "forbidden", $"number {number.Id} does not take calls from trunk {trusted.Id}");
                return;
            }
            var attributes = trusted is null
                ? ImmutableDictionary<string, string>.Empty
                : ImmutableDictionary<string, string>.Empty.Add(TrunkAttribute, trusted.Id);
            await ArriveAsync(call, ArrivalAt(number, from, reference, attributes), trusted?.Id);
        }
        catch (Exception exception)
        {
            _metrics.InboundCalls.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            LogArrivalFailed(_logger, call.CallId, exception);
            call.Reject(500);
        }
    }

    /// <summary>The arrival of a call from <paramref name="from"/> at a configured number: its IVR tree or queue.</summary>
    private static CallArrival ArrivalAt(InboundNumber number, string from, ICallMedia reference, ImmutableDictionary<string, string> attributes) => new()
    {
        From = from,
        To = number.Id,
        Media = reference,
        Target = number.Target == InboundNumberTargetKind.Queue ? new RoutingTarget(RoutingTargetKind.Queue, number.TargetId) : null,
        IvrTreeId = number.Target == InboundNumberTargetKind.IvrTree ? number.TargetId : null,
        CallerBoost = number.Priority,
        Attributes = attributes,
    };

    /// <summary>The INVITE is let in: its media leg and the call are made, it rings, and the call grain hears of the
    /// arrival (and answers it when it takes it).</summary>
    private async Task ArriveAsync(SipIncomingCall call, CallArrival arrival, string? trunkId)
    {
        MediaLeg? media = null;
        FrontEndCall? frontEndCall = null;
        try
        {
            var callId = Guid.NewGuid().ToString("N");
            media = AnswerOffer(call, callId + "-caller", out var answer);
            if (media is null)
            {
                return;
            }
            frontEndCall = new FrontEndCall(callId, call, media, answer);
            media.Inactive += _ => CallerMediaInactive(frontEndCall);
            // A caller who cancels arrives all the same (the grain's answer is refused), and the hang-up reported after
            // the arrival makes it an abandon before the IVR: reports wait for the arrival, so none overtakes it.
            var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            frontEndCall.Reports = arrived.Task;
            _calls[callId] = frontEndCall;
            _bySipCallId[call.CallId] = (frontEndCall, null);
            _metrics.ActiveCalls.Add(1);
            // Whoever takes the entry out reports the hang-up: OnCallEnded for a CANCEL from now on; here for one that
            // came while the number was looked up (OnCallEnded found no call then).
            if (call.State == SipCallState.Terminated && _bySipCallId.TryRemove(call.CallId, out _))
            {
                LogCancelledDuringLookup(_logger, callId, call.CallId);
                Report(frontEndCall, new CallerHungUp(callId));
            }
            call.Ring();
            LogArriving(_logger, callId, call.CallId, arrival.From, arrival.To, trunkId);
            CallCommandResult result;
            try
            {
                result = await _grains.GetGrain<ICallGrain>(callId).ArriveAsync(arrival);
            }
            finally
            {
                arrived.TrySetResult();
            }
            if (!result.Succeeded)
            {
                _metrics.InboundCalls.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
                LogArrivalRefused(_logger, callId, result.Error?.ToString(), result.Message);
                EndCall(frontEndCall);
                return;
            }
            _metrics.InboundCalls.Add(1, new KeyValuePair<string, object?>("outcome", "arrived"));
        }
        catch (Exception exception)
        {
            _metrics.InboundCalls.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            LogArrivalFailed(_logger, call.CallId, exception);
            if (frontEndCall is not null)
            {
                EndCall(frontEndCall);
            }
            else
            {
                call.Reject(500);
                if (media is not null)
                {
                    Release(call.CallId, media);
                }
            }
        }
    }

    /// <summary>A media leg for the SDP offer in the INVITE and our answer to it (RFC 3264), in the offerer's first law
    /// that we take; null, the INVITE refused with 488, when there is no offer (an offer in our 2xx is not served yet)
    /// or no common codec.</summary>
    private MediaLeg? AnswerOffer(SipIncomingCall call, string legId, out byte[] answer)
    {
        answer = [];
        var invite = call.Invite;
        if (invite.Body.IsEmpty || !SdpParser.TryParse(invite.Body.Span, out var offer, out _))
        {
            Refuse(call, 488, "not_acceptable", "the INVITE carries no SDP offer that parses");
            return null;
        }
        var probe = SdpOfferAnswer.CreateAnswer(offer, FrontEndSdp.LocalAudio("127.0.0.1", 0));
        if (probe.Audio is not { } negotiated || FrontEndSdp.LawOf(negotiated.Codec) is not { } law)
        {
            Refuse(call, 488, "not_acceptable", "no common codec (PCMU, PCMA)");
            return null;
        }
        var media = _engine.CreateLeg(legId, law, FrontEndSdp.TelephoneEvent(negotiated));
        // Answered again with the leg's port, keeping the codec chosen: the offerer's first that we take.
        var result = SdpOfferAnswer.CreateAnswer(offer, LocalAudio(media, [FrontEndSdp.CodecOf(law)]));
        FrontEndSdp.Apply(media, result.Audio!);
        answer = result.Answer.ToBytes();
        return media;
    }

    private void Refuse(SipIncomingCall call, int status, string outcome, string reason)
    {
        _metrics.InboundCalls.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        LogInviteRefused(_logger, call.CallId, call.Peer.ToString(), status, reason);
        call.Reject(status);
    }

    /// <summary>No RTP from the caller for the engine's inactivity timeout: the caller is gone without a BYE.</summary>
    private void CallerMediaInactive(FrontEndCall call)
    {
        // An outbound call's customer leg is silent until the far end answers.
        if (call.Caller is not { } caller || caller.State == SipCallState.Terminated || (call.Outbound && caller.State != SipCallState.Established)
            || !_calls.ContainsKey(call.CallId))
        {
            return;
        }
        LogCallerInactive(_logger, call.CallId);
        if (call.Transferred)
        {
            EndCall(call);
            return;
        }
        _bySipCallId.TryRemove(caller.CallId, out _);
        EndSip(caller);
        Report(call, new CallerHungUp(call.CallId));
    }

    [LoggerMessage(152, LogLevel.Information, "Telephony: INVITE {SipCallId} from {Source} refused with {Status}: {Reason}")]
    private static partial void LogInviteRefused(ILogger logger, string sipCallId, string source, int status, string reason);

    [LoggerMessage(153, LogLevel.Information, "Telephony: call {CallId} (SIP call {SipCallId}) from {From} to {Number} arrives (trunk {TrunkId})")]
    private static partial void LogArriving(ILogger logger, string callId, string sipCallId, string from, string number, string? trunkId);

    [LoggerMessage(154, LogLevel.Warning, "Telephony: call {CallId} refused by its grain ({Error}: {Message}); hung up")]
    private static partial void LogArrivalRefused(ILogger logger, string callId, string? error, string? message);

    [LoggerMessage(155, LogLevel.Error, "Telephony: INVITE {SipCallId} failed; answered 500 or hung up")]
    private static partial void LogArrivalFailed(ILogger logger, string sipCallId, Exception exception);

    [LoggerMessage(230, LogLevel.Information, "Telephony: the caller of call {CallId} (SIP call {SipCallId}) cancelled during the number lookup; recorded as an abandon before the IVR")]
    private static partial void LogCancelledDuringLookup(ILogger logger, string callId, string sipCallId);

    [LoggerMessage(166, LogLevel.Information, "Telephony: no RTP from the caller of call {CallId}; hanging up")]
    private static partial void LogCallerInactive(ILogger logger, string callId);
}
