using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Sip.Sdp;

namespace ContactCenter.Host.Telephony;

internal sealed partial class FrontEndCalls
{
    /// <summary>The leg id of a blind transfer's target (never an agent's id: agent ids are document ids).</summary>
    private const string TransferLegId = "transfer target";

    public Task TransferAsync(string callId, string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (!TryGetCall(callId, nameof(TransferAsync), out var call))
        {
            return Task.CompletedTask;
        }
        var leg = new FrontEndAgentLeg(TransferLegId);
        lock (call.Sync)
        {
            if (call.Ended || call.Transfer is not null || call.Transferred)
            {
                leg = null;
            }
            else
            {
                call.Transfer = leg;
            }
        }
        if (leg is null)
        {
            Report(call, new TransferFailed(callId, "the call ended or is being transferred already"));
            return Task.CompletedTask;
        }
        if (!TryCompleteAttendedTransfer(call, leg))
        {
            _ = TransferExternalAsync(call, leg, target);
        }
        return Task.CompletedTask;
    }

    /// <summary>A blind transfer in a B2BUA: the target is dialled through the outbound trunks with a new media leg
    /// while the customer stays where they are; once it answers the customer's leg is bridged to it and the agents'
    /// legs are hung up. The customer's dialog is kept (no REFER to their carrier), so the front end stays in the
    /// call until either side hangs up.</summary>
    private async Task TransferExternalAsync(FrontEndCall call, FrontEndAgentLeg leg, string target)
    {
        try
        {
            var trunks = await OutboundTrunksAsync();
            if (trunks.Count == 0)
            {
                TransferFailedTo(call, leg, target, "no outbound trunk is configured");
                return;
            }
            var media = _engine.CreateLeg($"{call.CallId}-transfer-{Guid.NewGuid():N}", call.CallerMedia.Codec, call.CallerMedia.TelephoneEventPayloadType);
            lock (call.Sync)
            {
                leg.Media = media;
            }
            var response = await DialTrunksAsync(call, leg, trunks, target, call.Caller?.Invite.From?.Uri.User, _options.DefaultRingTimeout);
            if (response is null)
            {
                EndAgentLeg(leg);
                return;
            }
            if (!response.IsSuccess)
            {
                TransferFailedTo(call, leg, target, leg.RangOut ? "the target did not answer" : $"the target answered {response.StatusCode} {response.ReasonPhrase}");
                return;
            }
            var negotiated = SdpParser.TryParse(response.Body.Span, out var answer, out _) && leg.Offer is { } offer
                ? SdpOfferAnswer.ProcessAnswer(offer, answer)
                : null;
            if (negotiated is null)
            {
                TransferFailedTo(call, leg, target, "the target's answer carries no usable SDP");
                return;
            }
            lock (call.Sync)
            {
                if (call.Ended)
                {
                    return;
                }
                FrontEndSdp.Apply(media, negotiated);
                leg.Answered = true;
            }
            ConnectTransferTarget(call, leg, target);
        }
        catch (Exception exception)
        {
            LogTransferError(_logger, call.CallId, exception);
            TransferFailedTo(call, leg, target, "transferring failed in the front end");
        }
    }

    /// <summary>The transfer target is up on <paramref name="leg"/>: the customer is bridged to it, the platform leaves
    /// the call (its recording and listeners end with the agents' part, whose legs are hung up), and the grain hears the
    /// transfer completed.</summary>
    private void ConnectTransferTarget(FrontEndCall call, FrontEndAgentLeg leg, string target)
    {
        List<FrontEndAgentLeg> agents;
        lock (call.Sync)
        {
            if (call.Ended)
            {
                return;
            }
            EndSupervisionLocked(call);
            StopRecordingLocked(call);
            call.Bridge?.Dispose();
            call.CallerMedia.StopPlayout();
            leg.Media!.StopPlayout();
            call.Bridge = _engine.Bridge(call.CallerMedia, leg.Media);
            agents = [.. call.Agents.Values];
            agents.AddRange(new[] { call.Supervisor }.OfType<FrontEndAgentLeg>());
            call.Agents.Clear();
            call.Supervisor = null;
            foreach (var agent in agents)
            {
                agent.Dropped = true;
            }
            _bySipCallId[leg.Sip!.CallId] = (call, TransferLegId);
        }
        LogTransferred(_logger, call.CallId, target);
        _metrics.Transfers.Add(1, new KeyValuePair<string, object?>("outcome", "completed"));
        lock (call.Sync)
        {
            // The last report: the grain answers it with a hang-up the call must already ignore.
            Report(call, new TransferCompleted(call.CallId));
            call.Transferred = true;
        }
        foreach (var agent in agents)
        {
            EndAgentLeg(agent);
        }
    }

    private void TransferFailedTo(FrontEndCall call, FrontEndAgentLeg leg, string target, string reason)
    {
        lock (call.Sync)
        {
            leg.Dropped = true;
            if (call.Transfer == leg)
            {
                call.Transfer = null;
            }
        }
        EndAgentLeg(leg);
        _metrics.Transfers.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
        LogTransferFailed(_logger, call.CallId, target, reason);
        Report(call, new TransferFailed(call.CallId, reason));
    }

    [LoggerMessage(187, LogLevel.Information, "Telephony: call {CallId} was transferred to {Target}")]
    private static partial void LogTransferred(ILogger logger, string callId, string target);

    [LoggerMessage(188, LogLevel.Information, "Telephony: call {CallId}: transfer to {Target} failed: {Reason}")]
    private static partial void LogTransferFailed(ILogger logger, string callId, string target, string reason);

    [LoggerMessage(189, LogLevel.Error, "Telephony: call {CallId}: transferring failed")]
    private static partial void LogTransferError(ILogger logger, string callId, Exception exception);
}
