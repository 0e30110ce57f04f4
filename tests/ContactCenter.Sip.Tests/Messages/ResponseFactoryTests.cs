using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

public sealed class ResponseFactoryTests
{
    private static SipRequest Invite() => SipText.Parse<SipRequest>(
        "INVITE sip:ivr@example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP proxy.example.net;branch=z9hG4bKp\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKu;received=192.0.2.9\r\n" +
        "Max-Forwards: 69\r\nTo: <sip:ivr@example.com>\r\nFrom: \"C\" <sip:c@example.net>;tag=f1\r\nCall-ID: rf-1\r\n" +
        "CSeq: 11 INVITE\r\nTimestamp: 54.2\r\nContact: <sip:c@192.0.2.1>\r\nSubject: hi\r\nContent-Length: 0\r\n\r\n");

    [Fact]
    public void Response_copies_via_from_call_id_cseq_and_tags_to()
    {
        var response = SipResponseFactory.CreateResponse(Invite(), 180, toTag: "uas1");

        Assert.Equal(
            ["Via", "Via", "To", "From", "Call-ID", "CSeq"],
            response.Headers.Select(h => h.Name).ToArray());
        Assert.Equal("Ringing", response.ReasonPhrase);
        Assert.Equal("uas1", response.To!.Tag);
        Assert.Equal("f1", response.From!.Tag);
        Assert.Equal("192.0.2.9", response.Vias![1].Received);
        Assert.Equal(new CSeqHeader(11, "INVITE"), response.CSeq);
    }

    [Fact]
    public void Trying_copies_timestamp_and_adds_no_tag()
    {
        var response = SipResponseFactory.CreateResponse(Invite(), 100);

        Assert.Null(response.To!.Tag);
        Assert.Equal("54.2", response.Headers.Get("Timestamp"));
    }

    [Fact]
    public void Existing_to_tag_is_kept_and_a_missing_one_is_random()
    {
        var first = SipResponseFactory.CreateResponse(Invite(), 486);
        var second = SipResponseFactory.CreateResponse(Invite(), 486);
        Assert.NotEqual(first.To!.Tag, second.To!.Tag);
        Assert.Equal(8 * 2, first.To.Tag!.Length);

        var inDialog = Invite();
        inDialog.Headers.Set("To", "<sip:ivr@example.com>;tag=existing");
        Assert.Equal("existing", SipResponseFactory.CreateResponse(inDialog, 200, toTag: "other").To!.Tag);
    }

    [Fact]
    public void Typed_views_follow_header_changes()
    {
        var request = Invite();
        Assert.Equal("z9hG4bKp", request.TopVia!.Branch);

        request.Headers.RemoveAt(0);
        Assert.Equal("z9hG4bKu", request.TopVia!.Branch);
        request.Headers.AddFirst("v", "SIP/2.0/TCP new.example.com;branch=z9hG4bKn");
        Assert.Equal("z9hG4bKn", request.TopVia!.Branch);
        Assert.Equal(2, request.Vias!.Count);
    }
}
