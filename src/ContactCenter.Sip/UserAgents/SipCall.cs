using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.UserAgents;

/// <summary>One call of a <see cref="SipUserAgent"/>: its INVITE, its dialog once established, and hang-up. In-dialog
/// requests go to <see cref="Peer"/>, the address the dialog was set up with (on stream transports that reuses the
/// connection).</summary>
public abstract partial class SipCall
{
    private readonly TaskCompletionSource<SipCallEndReason> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private protected SipCall(SipUserAgent agent, SipRequest invite, SipEndPoint peer)
    {
        Agent = agent;
        Invite = invite;
        Peer = peer;
    }

    /// <summary>The INVITE that started the call.</summary>
    public SipRequest Invite { get; }

    /// <summary>The Call-ID.</summary>
    public string CallId => Invite.CallId!;

    /// <summary>The next hop for the call's requests (or, for an incoming call, where its INVITE came from).</summary>
    public SipEndPoint Peer { get; }

    /// <summary>The dialog; null until a 2xx.</summary>
    public SipDialog? Dialog { get; private protected set; }

    /// <summary>Where the call stands.</summary>
    public SipCallState State
    {
        get
        {
            lock (Sync)
            {
                return StateValue;
            }
        }
    }

    /// <summary>Completes when the call ends, with the reason.</summary>
    public Task<SipCallEndReason> Ended => _ended.Task;

    private protected Lock Sync { get; } = new();

    private protected SipCallState StateValue { get; set; } = SipCallState.Pending;

    private protected SipUserAgent Agent { get; }

    /// <summary>Sends BYE in the dialog and ends the call (the call is over whatever the answer, §15.1.1); returns the
    /// final response to the BYE.</summary>
    public async Task<SipResponse> HangUpAsync()
    {
        SipRequest bye;
        lock (Sync)
        {
            if (StateValue != SipCallState.Established || Dialog is null)
            {
                throw new InvalidOperationException($"call {CallId} is {StateValue}: only an established call can be hung up");
            }
            bye = Dialog.CreateRequest(SipMethods.Bye);
        }
        var pending = Agent.SendRequestAsync(bye, Peer);
        End(SipCallEndReason.LocalHangUp);
        return await pending;
    }

    /// <summary>The peer's BYE (§15.1.2): 200 and the call ends; 500 when its CSeq is out of order.</summary>
    internal void ReceiveBye(SipServerTransaction transaction)
    {
        int status;
        lock (Sync)
        {
            status = Dialog?.ReceiveRequest(transaction.Request) ?? 200;
        }
        transaction.SendResponse(SipResponseFactory.CreateResponse(transaction.Request, status));
        if (status == 200)
        {
            End(SipCallEndReason.RemoteHangUp);
        }
    }

    /// <summary>Ends the call without signalling (the transport failed).</summary>
    internal void Abort(SipCallEndReason reason) => End(reason);

    /// <summary>Moves to Terminated once; the agent forgets the call and tells the handler.</summary>
    private protected void End(SipCallEndReason reason)
    {
        lock (Sync)
        {
            if (StateValue == SipCallState.Terminated)
            {
                return;
            }
            StateValue = SipCallState.Terminated;
            Dialog?.Terminate();
            StopSessionTimersLocked();
            OnEndedLocked();
        }
        Agent.CallEnded(this, reason);
        _ended.TrySetResult(reason);
    }

    /// <summary>An ACK within the dialog: for our 2xx to a re-INVITE (§14.2); subclasses also take the ACK for the
    /// 2xx to the initial INVITE.</summary>
    internal virtual void ReceiveAck(SipRequest ack) => ReceiveReOfferAck(ack);

    /// <summary>Stops what the call runs (timers) as it ends.</summary>
    private protected virtual void OnEndedLocked()
    {
    }
}
