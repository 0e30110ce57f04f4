using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Parsing;

public static partial class SipMessageParser
{
    /// <summary>Checks the headers every request and response must carry (§8.1.1, §20) and that the stack relies on.
    /// The typed views parsed here stay cached on the message.</summary>
    private static (SipParseError, string?) Validate(SipMessage message, SipHeaderCollection headers)
    {
        // One pass counting by reference: the parser stores known names as the SipHeaderNames constants.
        Span<int> counts = stackalloc int[SingleValued.Length];
        foreach (var header in headers)
        {
            for (var i = 0; i < SingleValued.Length; i++)
            {
                if (ReferenceEquals(header.Name, SingleValued[i]))
                {
                    counts[i]++;
                }
            }
        }
        for (var i = 0; i < SingleValued.Length; i++)
        {
            if (counts[i] != 1)
            {
                return counts[i] == 0
                    ? (SipParseError.MissingHeader, $"missing {SingleValued[i]}")
                    : (SipParseError.InvalidHeaderValue, $"more than one {SingleValued[i]}");
            }
        }
        if (!IsValidCallId(message.CallId!))
        {
            return (SipParseError.InvalidHeaderValue, "invalid Call-ID");
        }
        if (message.CSeq is not { } cseq)
        {
            return (SipParseError.InvalidHeaderValue, "invalid CSeq");
        }
        if (message.From is null)
        {
            return (SipParseError.InvalidHeaderValue, "invalid From");
        }
        if (message.To is null)
        {
            return (SipParseError.InvalidHeaderValue, "invalid To");
        }
        if (message.Vias is not { Count: > 0 })
        {
            return message.Vias is null
                ? (SipParseError.InvalidHeaderValue, "invalid Via")
                : (SipParseError.MissingHeader, "missing Via");
        }
        if (message is SipRequest request)
        {
            if (!string.Equals(cseq.Method, request.Method, StringComparison.Ordinal))
            {
                return (SipParseError.CSeqMethodMismatch, $"CSeq method {cseq.Method} differs from {request.Method}");
            }
            if (headers.Contains(SipHeaderNames.MaxForwards) && (headers.CountOf(SipHeaderNames.MaxForwards) > 1 || message.MaxForwards is null))
            {
                return (SipParseError.InvalidHeaderValue, "invalid Max-Forwards");
            }
        }
        return (SipParseError.None, null);
    }

    /// <summary>Whether a rejected request still allows a response: Via, From, To, Call-ID and CSeq are present once
    /// and parse (§8.2.6 copies them, §18.2.2 routes by the top Via, and the response must parse at the peer).</summary>
    private static bool IsRespondable(SipHeaderCollection headers)
    {
        foreach (var name in SingleValued)
        {
            if (headers.CountOf(name) != 1)
            {
                return false;
            }
        }
        var vias = headers.GetValues(SipHeaderNames.Via);
        if (vias.Count == 0)
        {
            return false;
        }
        foreach (var via in vias)
        {
            if (!ViaHeader.TryParse(via, out _))
            {
                return false;
            }
        }
        return CSeqHeader.TryParse(headers.Get(SipHeaderNames.CSeq), out _)
            && NameAddress.TryParse(headers.Get(SipHeaderNames.To), out _)
            && NameAddress.TryParse(headers.Get(SipHeaderNames.From), out _)
            && IsValidCallId(headers.Get(SipHeaderNames.CallId)!);
    }

    /// <summary>callid = word ["@" word] (§25.1): non-empty, no whitespace.</summary>
    private static bool IsValidCallId(string callId) => callId.Length > 0 && callId.AsSpan().IndexOfAny(' ', '\t') < 0;

    private static readonly string[] SingleValued = [SipHeaderNames.CallId, SipHeaderNames.CSeq, SipHeaderNames.From, SipHeaderNames.To];
}
