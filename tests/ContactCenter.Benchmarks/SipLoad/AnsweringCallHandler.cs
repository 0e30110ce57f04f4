using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Benchmarks.SipLoad;

/// <summary>Answers every call at once (180, then 200 with an SDP answer to the offer; 488 when there is none we can
/// take) and counts calls, for the SIP load benchmark.</summary>
internal sealed class AnsweringCallHandler : ISipCallHandler
{
    private static readonly SdpLocalAudio Audio = new() { Address = "127.0.0.1", Port = 40000, SessionId = "1", SessionVersion = "1" };

    private long _incoming;
    private long _answered;
    private long _ended;

    public long Incoming => Interlocked.Read(ref _incoming);

    public long Answered => Interlocked.Read(ref _answered);

    public long Ended => Interlocked.Read(ref _ended);

    public void OnIncomingCall(SipIncomingCall call)
    {
        Interlocked.Increment(ref _incoming);
        call.Ring();
        if (!SdpParser.TryParse(call.Invite.Body.Span, out var offer, out _) || SdpOfferAnswer.CreateAnswer(offer, Audio) is not { Audio: not null } answer)
        {
            call.Reject(488);
            return;
        }
        if (call.Accept(answer.Answer.ToBytes()))
        {
            Interlocked.Increment(ref _answered);
        }
    }

    public void OnCallEnded(SipCall call, SipCallEndReason reason) => Interlocked.Increment(ref _ended);
}
