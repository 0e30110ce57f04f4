using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.UserAgents;

/// <summary>A re-INVITE the peer sent in an established call (RFC 3261 §14.2), waiting for the handler's answer:
/// <see cref="Accept"/> with an SDP answer, <see cref="AcceptMirrored"/>, or <see cref="Reject"/> (the session stays as
/// it was). Our 2xx is retransmitted until the ACK on unreliable transports.</summary>
public sealed class SipReOffer
{
    internal SipReOffer(SipCall call, SipServerTransaction transaction, SdpSession? offer)
    {
        Call = call;
        Transaction = transaction;
        Offer = offer;
    }

    /// <summary>The call.</summary>
    public SipCall Call { get; }

    /// <summary>The re-INVITE.</summary>
    public SipRequest Request => Transaction.Request;

    /// <summary>The offered session; null for a re-INVITE without a body (we then offer in the 2xx).</summary>
    public SdpSession? Offer { get; }

    internal SipServerTransaction Transaction { get; }

    internal bool Answered { get; set; }

    internal SipResponse? Ok { get; set; }

    internal ITimer? Timer { get; set; }

    internal TimeSpan Interval { get; set; }

    internal TimeSpan Elapsed { get; set; }

    /// <summary>Answers 200 with <paramref name="answer"/>, which becomes the call's local SDP. False when already
    /// answered or the call ended.</summary>
    public bool Accept(ReadOnlyMemory<byte> answer, string contentType = "application/sdp") => Call.AnswerReOffer(this, 200, answer, contentType);

    /// <summary>Answers from the call's current SDP with the offered directions mirrored (RFC 3264 §6.1); 488 when the
    /// call has no SDP to answer from.</summary>
    public bool AcceptMirrored() =>
        Call.CreateMirroredAnswer(Offer) is { } answer ? Accept(answer) : Reject(488);

    /// <summary>Refuses the change with a final failure (default 488 Not Acceptable Here); the call goes on as it was.</summary>
    public bool Reject(int statusCode = 488)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        return Call.AnswerReOffer(this, statusCode, default, null);
    }

    internal void StopTimer()
    {
        Timer?.Dispose();
        Timer = null;
    }
}
