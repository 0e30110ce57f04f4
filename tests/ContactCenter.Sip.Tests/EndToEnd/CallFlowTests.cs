using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Transactions;
using ContactCenter.TestSupport;

namespace ContactCenter.Sip.Tests.EndToEnd;

/// <summary>Two stacks talk over a lossy in-memory network: INVITE, 180, 200 with SDP, ACK, BYE, with the first
/// INVITE and the first 200 lost, so retransmission (Timer A) and the ACK of a retransmitted 2xx are exercised.</summary>
public sealed class CallFlowTests
{
    private static readonly SipEndPoint CallerAddress = new(SipTransportKind.Udp, "192.0.2.1", 5060);
    private static readonly SipEndPoint IvrAddress = new(SipTransportKind.Udp, "198.51.100.4", 5060);

    [Fact]
    public void Call_is_placed_answered_and_hung_up_despite_losses()
    {
        var time = new FakeTimeProvider();
        var network = new LoopbackNetwork();
        var caller = new ScriptedPhone(CallerAddress, network, time, "caller");
        var ivr = new ScriptedPhone(IvrAddress, network, time, "ivr");
        var lostInvite = false;
        network.Drop = message =>
        {
            if (message is SipRequest { Method: SipMethods.Invite } && !lostInvite)
            {
                lostInvite = true;
                return true;
            }
            return false;
        };

        caller.Call(IvrAddress, "ivr");
        network.Pump();
        Assert.Empty(ivr.RequestsSeen);
        time.Advance(TimeSpan.FromMilliseconds(500));
        network.Pump();

        Assert.Equal(["INVITE"], ivr.RequestsSeen);
        Assert.Equal([180, 200], caller.StatusesSeen);
        Assert.Equal(1, ivr.AcksReceived);
        Assert.Equal(SipDialogState.Confirmed, caller.Dialog!.State);
        Assert.Equal(caller.Dialog.Id.CallId, ivr.Dialog!.Id.CallId);
        Assert.Equal((caller.Dialog.Id.LocalTag, caller.Dialog.Id.RemoteTag), (ivr.Dialog.Id.RemoteTag, ivr.Dialog.Id.LocalTag));
        Assert.Equal(SdpCodec.Pcmu, caller.Audio!.Codec);
        Assert.Equal(("198.51.100.4", 20000, 101), (caller.Audio.RemoteAddress, caller.Audio.RemotePort, caller.Audio.TelephoneEventPayloadType));
        Assert.Equal(("192.0.2.1", SdpDirection.SendRecv), (ivr.Audio!.RemoteAddress, ivr.Audio.Direction));

        caller.HangUp(IvrAddress);
        network.Pump();

        Assert.Equal(["INVITE", "BYE"], ivr.RequestsSeen);
        Assert.Equal(200, caller.StatusesSeen[^1]);
        Assert.Equal(SipDialogState.Terminated, caller.Dialog.State);
        Assert.Equal(SipDialogState.Terminated, ivr.Dialog.State);
        time.Advance(TimeSpan.FromSeconds(40));
        network.Pump();
        Assert.Equal(0, caller.Layer.ClientTransactionCount + caller.Layer.ServerTransactionCount);
        Assert.Equal(0, ivr.Layer.ClientTransactionCount + ivr.Layer.ServerTransactionCount);
    }

    [Fact]
    public void A_lost_2xx_is_retransmitted_by_the_answerer_and_acked_again()
    {
        var time = new FakeTimeProvider();
        var network = new LoopbackNetwork();
        var caller = new ScriptedPhone(CallerAddress, network, time, "caller");
        var ivr = new ScriptedPhone(IvrAddress, network, time, "ivr");
        SipResponse? firstOk = null;
        network.Drop = message =>
        {
            if (message is SipResponse { StatusCode: 200 } ok && ok.CSeq!.Method == SipMethods.Invite && firstOk is null)
            {
                firstOk = ok;
                return true;
            }
            return false;
        };

        caller.Call(IvrAddress, "ivr");
        network.Pump();
        Assert.Equal([180], caller.StatusesSeen);
        Assert.Equal(0, ivr.AcksReceived);

        // The UA core retransmits its 2xx through the Accepted server transaction (§13.3.1.4, RFC 6026).
        var inviteTransaction = ivr.Layer.FindInviteServerTransaction(SipRequestFactory.CreateCancel((SipRequest)network.Delivered[0]))!;
        Assert.Equal(SipTransactionState.Accepted, inviteTransaction.State);
        inviteTransaction.SendResponse(firstOk!);
        network.Pump();

        Assert.Equal([180, 200], caller.StatusesSeen);
        Assert.Equal(1, ivr.AcksReceived);
        Assert.NotNull(caller.Audio);
    }
}
