using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>The transport-layer rules for Via on requests received (§18.2.1, RFC 3581) and for where responses go
/// (§18.2.2).</summary>
public static class SipResponseRouting
{
    /// <summary>Adds <c>received</c> to the top Via when the packet's source differs from its sent-by host, and fills
    /// a valueless <c>rport</c> (then <c>received</c> is added always, RFC 3581 §4). Changes the request in place.</summary>
    public static void StampReceived(SipRequest request, SipEndPoint source)
    {
        if (request.TopVia is not { } via)
        {
            return;
        }
        var stamped = via;
        var needsRport = via.HasRport && via.Rport is null;
        if (needsRport || !string.Equals(via.Host, source.Host, StringComparison.OrdinalIgnoreCase))
        {
            stamped = stamped.WithParameter("received", source.Host);
        }
        if (needsRport)
        {
            stamped = stamped.WithParameter("rport", source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (!ReferenceEquals(stamped, via))
        {
            ReplaceTopVia(request.Headers, stamped.ToString());
        }
    }

    /// <summary>Where a response to a request with top Via <paramref name="via"/> that came from
    /// <paramref name="source"/> goes: back on the connection for reliable transports; otherwise to the received
    /// address at rport (or the sent-by port, default 5060). A Via not stamped by <see cref="StampReceived"/> (a
    /// request answered before it reached the transaction layer) is treated as if it had been: §18.2.1 would have set
    /// received to the source address whenever it differs from sent-by, so the source address is right either way.</summary>
    public static SipEndPoint GetResponseDestination(ViaHeader via, SipEndPoint source)
    {
        if (source.IsReliable)
        {
            return source;
        }
        var host = via.Received ?? source.Host;
        var port = via.HasRport ? via.Rport ?? source.Port : via.Port ?? 5060;
        return new SipEndPoint(source.Transport, host, port);
    }

    private static void ReplaceTopVia(SipHeaderCollection headers, string top)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (!ReferenceEquals(headers[i].Name, SipHeaderNames.Via))
            {
                continue;
            }
            var values = new List<string>();
            Parsing.HeaderValueSplitter.Split(headers[i].Value, values);
            values[0] = top;
            headers.SetAt(i, string.Join(", ", values));
            return;
        }
    }
}
