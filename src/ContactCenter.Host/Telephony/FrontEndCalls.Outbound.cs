using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Media.Codecs;
using ContactCenter.Sip.Sdp;

namespace ContactCenter.Host.Telephony;

internal sealed partial class FrontEndCalls
{
    /// <summary>The leg id of an outbound call's customer leg in logs.</summary>
    private const string ExternalLegId = "external";

    public Task DialAsync(string callId, ExternalLegRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryGetCall(callId, nameof(DialAsync), out var call))
        {
            return Task.CompletedTask;
        }
        if (!call.Outbound)
        {
            // An inbound call has its customer leg; a number for it is a transfer.
            LogDialRefused(_logger, callId, "the call is inbound: its customer leg exists");
            Report(call, new ExternalLegFailed(callId, 488, "an inbound call cannot dial its customer leg"));
            return Task.CompletedTask;
        }
        var leg = new FrontEndAgentLeg(ExternalLegId) { Media = call.CallerMedia };
        RingPlacingPhone(call);
        _ = DialExternalAsync(call, leg, request);
        return Task.CompletedTask;
    }

    /// <summary>Makes the front end's side of an outbound call before its agent is rung: the customer's media leg (the
    /// agent's leg is made in its law), without a dialog until <see cref="DialAsync"/>.</summary>
    private FrontEndCall StartOutbound(string callId)
    {
        var media = _engine.CreateLeg(callId + "-external", G711Codec.MuLaw);
        var call = new FrontEndCall(callId, null, media, []);
        media.Inactive += _ => CallerMediaInactive(call);
        if (!_calls.TryAdd(callId, call))
        {
            // Rung twice at once: the first one made the call.
            Release(callId, media);
            return _calls[callId];
        }
        _metrics.ActiveCalls.Add(1);
        _metrics.OutboundCalls.Add(1, new KeyValuePair<string, object?>("outcome", "started"));
        LogOutboundStarted(_logger, callId);
        return call;
    }

    /// <summary>Whether a call unknown to this front end is really an outbound call its grain starts (and not a late
    /// command for an inbound call that ended here); one that is not is dropped without a report.</summary>
    private async Task<bool> IsOutboundCallAsync(FrontEndCall call)
    {
        var status = await _grains.GetGrain<ICallGrain>(call.CallId).GetStatusAsync();
        if (status.Direction == CallDirection.Outbound && status.Phase != CallPhase.Ended)
        {
            return true;
        }
        LogUnknownCall(_logger, call.CallId, nameof(RingAgentAsync));
        EndCall(call);
        return false;
    }

    /// <summary>Places the customer's leg of an outbound call through the outbound trunks and reports
    /// <see cref="ExternalAnswered"/> or <see cref="ExternalLegFailed"/>.</summary>
    private async Task DialExternalAsync(FrontEndCall call, FrontEndAgentLeg leg, ExternalLegRequest request)
    {
        try
        {
            var trunks = await OutboundTrunksAsync();
            if (trunks.Count == 0)
            {
                ExternalFailed(call, 503, "no outbound trunk is configured");
                return;
            }
            var timeout = request.RingTimeout > TimeSpan.Zero ? request.RingTimeout : _options.DefaultRingTimeout;
            var response = await DialTrunksAsync(call, leg, trunks, request.Number, request.CallerNumber, timeout, sip => call.Caller = sip);
            if (response is null)
            {
                return;
            }
            if (!response.IsSuccess)
            {
                ExternalFailed(call, leg.RangOut ? 408 : response.StatusCode, leg.RangOut ? "no answer" : response.ReasonPhrase);
                return;
            }
            var sip = leg.Sip!;
            var negotiated = SdpParser.TryParse(response.Body.Span, out var answer, out _) && leg.Offer is { } offer
                ? SdpOfferAnswer.ProcessAnswer(offer, answer)
                : null;
            lock (call.Sync)
            {
                if (call.Ended)
                {
                    EndSip(sip);
                    return;
                }
                if (negotiated is not null)
                {
                    FrontEndSdp.Apply(call.CallerMedia, negotiated);
                    _bySipCallId[sip.CallId] = (call, null);
                }
            }
            if (negotiated is null)
            {
                EndSip(sip);
                ExternalFailed(call, 488, "the answer carries no usable SDP");
                return;
            }
            _metrics.OutboundCalls.Add(1, new KeyValuePair<string, object?>("outcome", "answered"));
            LogExternalAnswered(_logger, call.CallId, sip.CallId);
            Report(call, new ExternalAnswered(call.CallId));
        }
        catch (Exception exception)
        {
            LogExternalError(_logger, call.CallId, exception);
            ExternalFailed(call, 500, "dialling failed in the front end");
        }
    }

    private void ExternalFailed(FrontEndCall call, int status, string reason)
    {
        _metrics.OutboundCalls.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
        LogExternalFailed(_logger, call.CallId, status, reason);
        PlacedDialFailed(call, status);
        Report(call, new ExternalLegFailed(call.CallId, status, reason));
    }

    [LoggerMessage(181, LogLevel.Information, "Telephony: call {CallId}: an agent dials out")]
    private static partial void LogOutboundStarted(ILogger logger, string callId);

    [LoggerMessage(182, LogLevel.Information, "Telephony: call {CallId}: the external number answered (SIP call {SipCallId})")]
    private static partial void LogExternalAnswered(ILogger logger, string callId, string sipCallId);

    [LoggerMessage(183, LogLevel.Information, "Telephony: call {CallId}: dialling the external number failed with {Status} ({Reason})")]
    private static partial void LogExternalFailed(ILogger logger, string callId, int status, string reason);

    [LoggerMessage(184, LogLevel.Error, "Telephony: call {CallId}: dialling the external number failed")]
    private static partial void LogExternalError(ILogger logger, string callId, Exception exception);

    [LoggerMessage(185, LogLevel.Warning, "Telephony: call {CallId}: dial refused: {Reason}")]
    private static partial void LogDialRefused(ILogger logger, string callId, string reason);
}
