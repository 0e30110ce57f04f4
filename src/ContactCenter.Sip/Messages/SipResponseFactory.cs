namespace ContactCenter.Sip.Messages;

/// <summary>Builds responses to requests as RFC 3261 §8.2.6 prescribes.</summary>
public static class SipResponseFactory
{
    /// <summary>A response to <paramref name="request"/>: Via (all, in order), From, Call-ID and CSeq copied; To
    /// copied with a tag added when the request had none (a new random one unless <paramref name="toTag"/> is given;
    /// none for 100 Trying, §8.2.6.2); Timestamp copied into 100 Trying (§8.2.6.1).</summary>
    public static SipResponse CreateResponse(SipRequest request, int statusCode, string? reasonPhrase = null, string? toTag = null) =>
        CreateResponse(request.Headers, statusCode, reasonPhrase, toTag) ?? throw new ArgumentException(
            "the request lacks a parseable To header; only requests that parsed cleanly can be answered", nameof(request));

    /// <summary>The same from the headers of a request that may not have parsed completely; null when they do not
    /// allow a response (To missing or unparseable).</summary>
    internal static SipResponse? CreateResponse(SipHeaderCollection requestHeaders, int statusCode, string? reasonPhrase, string? toTag)
    {
        var toText = requestHeaders.Get(SipHeaderNames.To);
        if (toText is null || !NameAddress.TryParse(toText, out var to))
        {
            return null;
        }
        var headers = new SipHeaderCollection(8);
        foreach (var header in requestHeaders)
        {
            switch (header.Name)
            {
                case SipHeaderNames.Via:
                case SipHeaderNames.From:
                case SipHeaderNames.CallId:
                case SipHeaderNames.CSeq:
                    headers.AddCanonical(header.Name, header.Value);
                    break;
                case SipHeaderNames.To when !headers.Contains(SipHeaderNames.To):
                    var needsTag = to.Tag is null && statusCode != 100;
                    headers.AddCanonical(SipHeaderNames.To, needsTag ? to.WithTag(toTag ?? SipIdentifiers.NewTag()).ToString() : header.Value);
                    break;
                case SipHeaderNames.Timestamp when statusCode == 100:
                    headers.AddCanonical(header.Name, header.Value);
                    break;
                default:
                    break;
            }
        }
        return new SipResponse(statusCode, reasonPhrase, headers);
    }
}
