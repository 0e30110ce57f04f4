namespace ContactCenter.Sip.Messages;

/// <summary>Requests the stack derives from other requests: the ACK for a non-2xx final response (§17.1.1.3) and
/// CANCEL (§9.1).</summary>
public static class SipRequestFactory
{
    /// <summary>The ACK the INVITE client transaction sends for a 300–699 response: same Request-URI, Call-ID, From,
    /// CSeq number and top Via (so the same branch) as the INVITE, To from the response, the INVITE's Route headers.</summary>
    public static SipRequest CreateAckForFailure(SipRequest invite, SipResponse response)
    {
        var ack = new SipRequest(SipMethods.Ack, invite.RequestUri, new SipHeaderCollection(8));
        ack.Headers.AddCanonical(SipHeaderNames.Via, invite.TopVia!.ToString());
        ack.Headers.AddCanonical(SipHeaderNames.MaxForwards, "70");
        CopyDialogHeaders(invite, ack, response.Headers.Get(SipHeaderNames.To)!, SipMethods.Ack);
        return ack;
    }

    /// <summary>A CANCEL for a pending request (§9.1): same Request-URI, Call-ID, From, To, CSeq number and top Via
    /// as the request, the request's Route headers, method CANCEL.</summary>
    public static SipRequest CreateCancel(SipRequest request)
    {
        var cancel = new SipRequest(SipMethods.Cancel, request.RequestUri, new SipHeaderCollection(8));
        cancel.Headers.AddCanonical(SipHeaderNames.Via, request.TopVia!.ToString());
        cancel.Headers.AddCanonical(SipHeaderNames.MaxForwards, "70");
        CopyDialogHeaders(request, cancel, request.Headers.Get(SipHeaderNames.To)!, SipMethods.Cancel);
        return cancel;
    }

    /// <summary>The request to send again after a 401/407 (§8.1.3.5, §22.2): the same request with CSeq + 1 and
    /// without Via (the UA core adds one with a new branch when sending); credentials already present stay, so a
    /// proxy's and a registrar's can add up.</summary>
    public static SipRequest CreateRetry(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cseq = request.CSeq ?? throw new ArgumentException("the request has no valid CSeq", nameof(request));
        var retry = new SipRequest(request.Method, request.RequestUri, new SipHeaderCollection(request.Headers.Count));
        foreach (var header in request.Headers)
        {
            switch (header.Name)
            {
                case SipHeaderNames.Via:
                    break;
                case SipHeaderNames.CSeq:
                    retry.Headers.AddCanonical(SipHeaderNames.CSeq, new CSeqHeader(cseq.Number + 1, cseq.Method).ToString());
                    break;
                default:
                    retry.Headers.AddCanonical(header.Name, header.Value);
                    break;
            }
        }
        retry.Body = request.Body;
        return retry;
    }

    private static void CopyDialogHeaders(SipRequest source, SipRequest target, string to, string method)
    {
        foreach (var header in source.Headers)
        {
            if (ReferenceEquals(header.Name, SipHeaderNames.Route))
            {
                target.Headers.AddCanonical(header.Name, header.Value);
            }
        }
        target.Headers.AddCanonical(SipHeaderNames.To, to);
        target.Headers.AddCanonical(SipHeaderNames.From, source.Headers.Get(SipHeaderNames.From)!);
        target.Headers.AddCanonical(SipHeaderNames.CallId, source.CallId!);
        target.Headers.AddCanonical(SipHeaderNames.CSeq, new CSeqHeader(source.CSeq!.Number, method).ToString());
    }
}
