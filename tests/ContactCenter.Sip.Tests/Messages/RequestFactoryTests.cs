using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

public sealed class RequestFactoryTests
{
    private static SipRequest Invite() => SipText.Parse<SipRequest>(
        "INVITE sip:agent@192.0.2.50:5062 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 198.51.100.4;branch=z9hG4bKout1;rport\r\nMax-Forwards: 70\r\n" +
        "Route: <sip:edge1.example.com;lr>\r\nRoute: <sip:edge2.example.com;lr>\r\n" +
        "To: <sip:agent@example.com>\r\nFrom: \"IVR\" <sip:ivr@example.com>;tag=b2b1\r\nCall-ID: out-1\r\n" +
        "CSeq: 20 INVITE\r\nContact: <sip:ivr@198.51.100.4>\r\nContent-Type: application/sdp\r\nContent-Length: 4\r\n\r\nv=0\n");

    [Fact]
    public void Cancel_copies_what_9_1_says_and_nothing_else()
    {
        var cancel = SipRequestFactory.CreateCancel(Invite());

        Assert.Equal("CANCEL", cancel.Method);
        Assert.Equal("sip:agent@192.0.2.50:5062", cancel.RequestUri.ToString());
        Assert.Equal("z9hG4bKout1", Assert.Single(cancel.Vias!).Branch);
        Assert.Equal(new CSeqHeader(20, "CANCEL"), cancel.CSeq);
        Assert.Equal(["edge1.example.com", "edge2.example.com"], cancel.Routes!.Select(r => r.Uri.Host).ToArray());
        Assert.Null(cancel.To!.Tag);
        Assert.Equal("b2b1", cancel.From!.Tag);
        Assert.Null(cancel.Headers.Get("Contact"));
        Assert.True(cancel.Body.IsEmpty);
        Assert.True(SipText.ParseText(SipText.Serialize(cancel)).IsSuccess);
    }

    [Fact]
    public void Ack_for_a_failure_takes_the_to_tag_of_the_response()
    {
        var invite = Invite();
        var busy = SipResponseFactory.CreateResponse(invite, 486, toTag: "agent-tag");

        var ack = SipRequestFactory.CreateAckForFailure(invite, busy);

        Assert.Equal("agent-tag", ack.To!.Tag);
        Assert.Equal(new CSeqHeader(20, "ACK"), ack.CSeq);
        Assert.Equal("z9hG4bKout1", ack.TopVia!.Branch);
        Assert.Equal(2, ack.Routes!.Count);
        Assert.Equal(70, ack.MaxForwards);
    }
}
