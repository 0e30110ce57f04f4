using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Dialogs;

public sealed class DialogTests
{
    private static SipRequest Invite() => SipText.Parse<SipRequest>(
        "INVITE sip:ivr@example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP p2.example.net;branch=z9hG4bKp2\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKu\r\n" +
        "Record-Route: <sip:p2.example.net;lr>\r\nRecord-Route: <sip:p1.example.net;lr>\r\n" +
        "To: \"IVR\" <sip:ivr@example.com>\r\nFrom: \"Caller\" <sip:caller@example.net>;tag=caller-tag\r\n" +
        "Call-ID: dlg-1\r\nCSeq: 4711 INVITE\r\nContact: <sip:caller@192.0.2.1:5060>\r\nMax-Forwards: 68\r\n\r\n");

    private static SipResponse Ok(SipRequest invite)
    {
        var ok = SipResponseFactory.CreateResponse(invite, 200, toTag: "ivr-tag");
        foreach (var route in invite.Headers.GetValues("Record-Route"))
        {
            ok.Headers.Add("Record-Route", route);
        }
        ok.Headers.Add("Contact", "<sip:ivr@198.51.100.4:5060>");
        return ok;
    }

    private static SipRequest WithVia(SipRequest request)
    {
        request.Headers.AddFirst("Via", $"SIP/2.0/UDP 198.51.100.4;branch={SipIdentifiers.NewBranch()}");
        return SipText.Parse<SipRequest>(SipText.Serialize(request));
    }

    [Fact]
    public void Uas_dialog_takes_record_route_in_order_and_the_callers_contact()
    {
        var invite = Invite();
        var dialog = SipDialog.CreateAsUas(invite, Ok(invite));

        Assert.Equal(new SipDialogId("dlg-1", "ivr-tag", "caller-tag"), dialog.Id);
        Assert.Equal(SipDialogState.Confirmed, dialog.State);
        Assert.Equal(["p2.example.net", "p1.example.net"], dialog.RouteSet.Select(r => r.Uri.Host).ToArray());
        Assert.Equal("sip:caller@192.0.2.1:5060", dialog.RemoteTarget.ToString());
        Assert.Equal(4711, dialog.RemoteSequence);
        Assert.Null(dialog.LocalSequence);
        Assert.Null(dialog.LocalUri.Tag);
        Assert.Equal("IVR", dialog.LocalUri.DisplayName);
        Assert.Equal(dialog.Id, SipDialogId.OfIncomingRequest(WithVia(SipDialog.CreateAsUac(invite, Ok(invite)).CreateRequest("BYE"))));
    }

    [Fact]
    public void Uac_dialog_reverses_record_route_and_builds_loose_routed_requests()
    {
        var invite = Invite();
        var dialog = SipDialog.CreateAsUac(invite, Ok(invite));

        Assert.Equal(new SipDialogId("dlg-1", "caller-tag", "ivr-tag"), dialog.Id);
        Assert.Equal(["p1.example.net", "p2.example.net"], dialog.RouteSet.Select(r => r.Uri.Host).ToArray());
        Assert.Equal(4711, dialog.LocalSequence);

        var bye = WithVia(dialog.CreateRequest(SipMethods.Bye));

        Assert.Equal("sip:ivr@198.51.100.4:5060", bye.RequestUri.ToString());
        Assert.Equal(["sip:p1.example.net;lr", "sip:p2.example.net;lr"], bye.Routes!.Select(r => r.Uri.ToString()).ToArray());
        Assert.Equal(new CSeqHeader(4712, "BYE"), bye.CSeq);
        Assert.Equal(("caller-tag", "ivr-tag"), (bye.From!.Tag, bye.To!.Tag));
        Assert.Equal(70, bye.MaxForwards);
        Assert.Equal("Via", bye.Headers[0].Name);
        Assert.Equal(4712, dialog.LocalSequence);
    }

    [Fact]
    public void Strict_router_gets_the_request_uri_and_the_target_goes_last_in_route()
    {
        var invite = Invite();
        var ok = Ok(invite);
        ok.Headers.Remove("Record-Route");
        ok.Headers.Add("Record-Route", "<sip:loose.example.net;lr>, <sip:strict.example.net;transport=udp;method=INVITE>");
        var dialog = SipDialog.CreateAsUac(invite, ok);

        var info = WithVia(dialog.CreateRequest(SipMethods.Info));

        Assert.Equal("sip:strict.example.net;transport=udp", info.RequestUri.ToString());
        Assert.Equal(["sip:loose.example.net;lr", "sip:ivr@198.51.100.4:5060"], info.Routes!.Select(r => r.Uri.ToString()).ToArray());
    }

    [Fact]
    public void Incoming_requests_must_not_go_backwards_and_target_refresh_moves_the_target()
    {
        var invite = Invite();
        var dialog = SipDialog.CreateAsUas(invite, Ok(invite));
        var reInvite = Invite();
        reInvite.Headers.Set("CSeq", "4712 INVITE");
        reInvite.Headers.Set("Contact", "<sip:caller@203.0.113.50:5090>");
        var old = Invite();
        old.Headers.Set("CSeq", "4700 INVITE");
        var ack = Invite();
        ack.Headers.Set("CSeq", "1 ACK");

        Assert.Null(dialog.ReceiveRequest(reInvite));
        Assert.Equal("sip:caller@203.0.113.50:5090", dialog.RemoteTarget.ToString());
        Assert.Equal(4712, dialog.RemoteSequence);
        Assert.Equal(500, dialog.ReceiveRequest(old));
        Assert.Null(dialog.ReceiveRequest(new SipRequest("ACK", invite.RequestUri, ack.Headers)));
        Assert.Equal(4712, dialog.RemoteSequence);
    }

    [Fact]
    public void Early_dialog_is_confirmed_by_2xx_with_the_route_set_recomputed()
    {
        var invite = Invite();
        var ringing = SipResponseFactory.CreateResponse(invite, 180, toTag: "ivr-tag");
        ringing.Headers.Add("Contact", "<sip:ivr@198.51.100.4:5060>");
        var dialog = SipDialog.CreateAsUac(invite, ringing);
        Assert.Equal(SipDialogState.Early, dialog.State);
        Assert.Empty(dialog.RouteSet);

        var ok = Ok(invite);
        ok.Headers.Set("Contact", "<sip:ivr@198.51.100.4:5070>");
        dialog.ReceiveResponse(invite, ok);

        Assert.Equal(SipDialogState.Confirmed, dialog.State);
        Assert.Equal(2, dialog.RouteSet.Count);
        Assert.Equal(5070, dialog.RemoteTarget.Port);
    }

    [Fact]
    public void Failures_end_early_dialogs_and_481_ends_any()
    {
        var invite = Invite();
        var ringing = SipResponseFactory.CreateResponse(invite, 183, toTag: "ivr-tag");
        ringing.Headers.Add("Contact", "<sip:ivr@198.51.100.4>");
        var early = SipDialog.CreateAsUac(invite, ringing);
        early.ReceiveResponse(invite, SipResponseFactory.CreateResponse(invite, 486, toTag: "ivr-tag"));
        Assert.Equal(SipDialogState.Terminated, early.State);
        Assert.Throws<InvalidOperationException>(() => early.CreateRequest(SipMethods.Bye));

        var confirmed = SipDialog.CreateAsUac(invite, Ok(invite));
        var info = confirmed.CreateRequest(SipMethods.Info);
        confirmed.ReceiveResponse(info, SipResponseFactory.CreateResponse(WithVia(info), 415));
        Assert.Equal(SipDialogState.Confirmed, confirmed.State);
        confirmed.ReceiveResponse(info, SipResponseFactory.CreateResponse(WithVia(info), 481));
        Assert.Equal(SipDialogState.Terminated, confirmed.State);
    }

    [Fact]
    public void Ack_for_2xx_reuses_the_invite_cseq()
    {
        var invite = Invite();
        var dialog = SipDialog.CreateAsUac(invite, Ok(invite));

        var ack = WithVia(dialog.CreateAck(4711));

        Assert.Equal(new CSeqHeader(4711, "ACK"), ack.CSeq);
        Assert.Equal(4711, dialog.LocalSequence);
        Assert.Throws<ArgumentException>(() => dialog.CreateRequest(SipMethods.Ack));
    }

    [Fact]
    public void Dialog_creation_needs_a_tag_and_a_contact()
    {
        var invite = Invite();
        var noContact = SipResponseFactory.CreateResponse(invite, 200, toTag: "t");
        var trying = SipResponseFactory.CreateResponse(invite, 100);

        Assert.Throws<ArgumentException>(() => SipDialog.CreateAsUac(invite, noContact));
        Assert.Throws<ArgumentException>(() => SipDialog.CreateAsUac(invite, trying));
        Assert.Null(SipDialogId.OfIncomingRequest(invite));
    }
}
