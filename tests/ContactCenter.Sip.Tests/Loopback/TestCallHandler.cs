using System.Collections.Concurrent;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Tests.Loopback;

/// <summary>What a test UAS does with incoming calls: answer (180 then 200 with an SDP answer) or only ring; every
/// event completes a task the test can await.</summary>
internal sealed class TestCallHandler : ISipCallHandler
{
    private static readonly SdpLocalAudio Audio = new() { Address = "127.0.0.1", Port = 20000, SessionId = "2", SessionVersion = "1" };

    public bool Answer { get; set; } = true;

    /// <summary>A failure status to refuse re-INVITEs with; null answers them the default way.</summary>
    public int? RejectReOffers { get; set; }

    /// <summary>Whether REFERs are accepted (202) rather than declined.</summary>
    public bool AcceptTransfers { get; set; }

    public ConcurrentQueue<SipIncomingCall> Calls { get; } = new();

    public TaskCompletionSource<SipIncomingCall> FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<SipCall> Established { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static byte[] Offer() => SdpOfferAnswer.CreateOffer(Audio with { Port = 30000, SessionId = "1" }).ToBytes();

    public void OnIncomingCall(SipIncomingCall call)
    {
        Calls.Enqueue(call);
        call.Ring();
        if (Answer)
        {
            Assert.True(SdpParser.TryParse(call.Invite.Body.Span, out var offer, out var error), error);
            call.Accept(SdpOfferAnswer.CreateAnswer(offer, Audio).Answer.ToBytes());
        }
        FirstCall.TrySetResult(call);
    }

    public void OnCallEstablished(SipCall call) => Established.TrySetResult(call);

    public void OnReOffer(SipCall call, SipReOffer offer)
    {
        if (RejectReOffers is { } status)
        {
            offer.Reject(status);
        }
        else
        {
            offer.AcceptMirrored();
        }
    }

    public void OnTransferRequested(SipCall call, SipTransferRequest transfer)
    {
        if (AcceptTransfers)
        {
            transfer.Accept();
        }
        else
        {
            transfer.Reject();
        }
    }
}
