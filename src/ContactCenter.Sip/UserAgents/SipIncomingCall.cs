using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.UserAgents;

/// <summary>A call we received (UAS, RFC 3261 §13.3): the handler rings, accepts or rejects it; a CANCEL ends it with
/// 487 (§9.2). An accepted call's 2xx is retransmitted until the ACK (§13.3.1.4); without one for 64·T1 the call is
/// hung up.</summary>
public sealed class SipIncomingCall : SipCall
{
    private readonly SipServerTransaction _transaction;
    private readonly string _localTag = SipIdentifiers.NewTag();
    private bool _answered;
    private bool _acked;
    private SipResponse? _ok;
    private ITimer? _okTimer;
    private ITimer? _answerTimer;
    private TimeSpan _okInterval;
    private TimeSpan _okElapsed;

    internal SipIncomingCall(SipUserAgent agent, SipServerTransaction transaction, TimeSpan answerTimeout, SipCall? replacedCall = null)
        : base(agent, transaction.Request, transaction.RemoteEndPoint)
    {
        ReplacedCall = replacedCall;
        _transaction = transaction;
        _answerTimer = agent.Time.CreateTimer(static state => ((SipIncomingCall)state!).OnAnswerTimeout(), this, answerTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The call of ours this INVITE's Replaces header names (RFC 3891; attended transfer or call pick-up):
    /// accepting this call should end that one. Null without Replaces.</summary>
    public SipCall? ReplacedCall { get; }

    /// <summary>Sends a provisional response (default 180 Ringing) with an optional body; false once a final response
    /// was sent (or the call was cancelled).</summary>
    public bool Ring(int statusCode = 180, ReadOnlyMemory<byte> body = default, string? contentType = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 199);
        lock (Sync)
        {
            if (_answered)
            {
                return false;
            }
            _transaction.SendResponse(Build(statusCode, null, body, contentType));
            return true;
        }
    }

    /// <summary>Answers 200 with <paramref name="body"/> (the SDP answer) and our Contact; the dialog is created.
    /// False when the call was already answered or cancelled.</summary>
    public bool Accept(ReadOnlyMemory<byte> body, string contentType = "application/sdp")
    {
        lock (Sync)
        {
            if (_answered)
            {
                return false;
            }
            _answered = true;
            StopAnswerTimer();
            _ok = Build(200, null, body, contentType);
            Dialog = SipDialog.CreateAsUas(Invite, _ok);
            SetSessionLocked(body, Invite.Body);
            StateValue = SipCallState.Established;
            Agent.RegisterDialog(this);
            var options = Agent.Transactions.Options;
            _okInterval = options.T1;
            // §13.3.1.4: the 2xx is ours to retransmit on unreliable transports; on reliable ones we only wait for the ACK.
            _okTimer = Agent.Time.CreateTimer(static state => ((SipIncomingCall)state!).OnOkTimer(), this,
                Peer.IsReliable ? options.TimeoutInterval : _okInterval, Timeout.InfiniteTimeSpan);
            _transaction.SendResponse(_ok);
            return true;
        }
    }

    /// <summary>Answers with a final failure (300–699); the call ends. False when already answered or cancelled.</summary>
    public bool Reject(int statusCode, string? reasonPhrase = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        lock (Sync)
        {
            if (_answered)
            {
                return false;
            }
            _answered = true;
            _transaction.SendResponse(Build(statusCode, reasonPhrase, default, null));
        }
        End(SipCallEndReason.Rejected);
        return true;
    }

    /// <summary>Answers 401 with <paramref name="authenticator"/>'s digest challenge (RFC 3261 §22.2: a UAS challenges
    /// with WWW-Authenticate; 407 is a proxy's); the call ends, and the caller's retry with credentials is a new
    /// INVITE (same Call-ID, CSeq + 1). <paramref name="stale"/> says the credentials were right but the nonce expired.
    /// False when already answered or cancelled.</summary>
    public bool Challenge(SipDigestAuthenticator authenticator, bool stale = false)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        var challenges = authenticator.CreateChallenge(Invite, stale).Headers.GetValues(SipHeaderNames.WwwAuthenticate);
        lock (Sync)
        {
            if (_answered)
            {
                return false;
            }
            _answered = true;
            var response = Build(401, null, default, null);
            foreach (var challenge in challenges)
            {
                response.Headers.Add(SipHeaderNames.WwwAuthenticate, challenge);
            }
            _transaction.SendResponse(response);
        }
        End(SipCallEndReason.Rejected);
        return true;
    }

    /// <summary>The peer cancelled (§9.2): 487 to the INVITE unless a final response went out first.</summary>
    internal void ReceiveCancel()
    {
        lock (Sync)
        {
            if (_answered)
            {
                return;
            }
            _answered = true;
            _transaction.SendResponse(Build(487, null, default, null));
        }
        End(SipCallEndReason.Cancelled);
    }

    /// <summary>The ACK for our 2xx (§13.3.1.4): retransmissions stop; the call is established for the handler.</summary>
    internal override void ReceiveAck(SipRequest ack)
    {
        if (ack.CSeq?.Number != Invite.CSeq?.Number)
        {
            base.ReceiveAck(ack);
            return;
        }
        lock (Sync)
        {
            if (_acked || StateValue != SipCallState.Established)
            {
                return;
            }
            _acked = true;
            Dialog!.ReceiveRequest(ack);
            _okTimer?.Dispose();
            _okTimer = null;
        }
        Agent.CallEstablished(this);
    }

    private protected override void OnEndedLocked()
    {
        _okTimer?.Dispose();
        _okTimer = null;
        StopAnswerTimer();
    }

    private void StopAnswerTimer()
    {
        _answerTimer?.Dispose();
        _answerTimer = null;
    }

    private void OnAnswerTimeout()
    {
        lock (Sync)
        {
            if (_answered || _answerTimer is null)
            {
                return;
            }
            _answered = true;
            _transaction.SendResponse(Build(480, null, default, null));
        }
        End(SipCallEndReason.TimedOut);
    }

    private void OnOkTimer()
    {
        var options = Agent.Transactions.Options;
        SipRequest bye;
        lock (Sync)
        {
            if (_acked || StateValue != SipCallState.Established || _okTimer is null)
            {
                return;
            }
            _okElapsed += Peer.IsReliable ? options.TimeoutInterval : _okInterval;
            if (_okElapsed < options.TimeoutInterval)
            {
                _transaction.SendResponse(_ok!);
                _okInterval = TimeSpan.FromTicks(Math.Min(_okInterval.Ticks * 2, options.T2.Ticks));
                _okTimer.Change(_okInterval, Timeout.InfiniteTimeSpan);
                return;
            }
            // §13.3.1.4: no ACK for 64·T1 — the dialog is confirmed but the session is over: BYE.
            bye = Dialog!.CreateRequest(SipMethods.Bye);
        }
        Agent.LogAckTimeout(this);
        _ = Agent.SendRequestAsync(bye, Peer);
        End(SipCallEndReason.TimedOut);
    }

    private SipResponse Build(int statusCode, string? reasonPhrase, ReadOnlyMemory<byte> body, string? contentType)
    {
        var response = SipResponseFactory.CreateResponse(Invite, statusCode, reasonPhrase, _localTag);
        if (statusCode < 300)
        {
            response.Headers.Add(SipHeaderNames.Contact, Agent.ContactFor(Peer.Transport).ToString());
        }
        if (!body.IsEmpty)
        {
            response.Headers.Add(SipHeaderNames.ContentType, contentType ?? "application/sdp");
            response.Body = body;
        }
        return response;
    }
}
