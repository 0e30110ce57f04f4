using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.TestSupport;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>A transaction layer on a fake transport and fake clock, with message builders.</summary>
internal sealed class TransactionHarness
{
    public static readonly SipEndPoint PeerUdp = new(SipTransportKind.Udp, "192.0.2.20", 5060);
    public static readonly SipEndPoint PeerTcp = new(SipTransportKind.Tcp, "192.0.2.20", 50123);

    public TransactionHarness(SipTransactionOptions? options = null)
    {
        Layer = new SipTransactionLayer(Transport, User, Time, options);
    }

    public FakeTimeProvider Time { get; } = new();

    public FakeTransport Transport { get; } = new();

    public RecordingUser User { get; } = new();

    public SipTransactionLayer Layer { get; }

    public void Advance(double milliseconds) => Time.Advance(TimeSpan.FromMilliseconds(milliseconds));

    public static SipRequest Request(string method, string branch = "z9hG4bKtest1", string transport = "UDP", string? toTag = null, long cseq = 1, string fromTag = "ft1")
    {
        var request = new SipRequest(method, SipUri.Parse("sip:ivr@198.51.100.4"));
        request.Headers.Add("Via", $"SIP/2.0/{transport} 192.0.2.20:5060" + (branch.Length > 0 ? $";branch={branch}" : ""));
        request.Headers.Add("Max-Forwards", "70");
        request.Headers.Add("Route", "<sip:proxy.example.com;lr>");
        request.Headers.Add("To", "<sip:ivr@example.com>" + (toTag is null ? "" : $";tag={toTag}"));
        request.Headers.Add("From", $"<sip:caller@example.net>;tag={fromTag}");
        request.Headers.Add("Call-ID", "call-1@example.net");
        request.Headers.Add("CSeq", $"{cseq} {method}");
        return request;
    }

    public static SipResponse ResponseTo(SipRequest request, int status, string toTag = "uas") =>
        SipResponseFactory.CreateResponse(request, status, toTag: toTag);
}
