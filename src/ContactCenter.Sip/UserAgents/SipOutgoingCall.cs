using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.UserAgents;

/// <summary>A call we placed (UAC, RFC 3261 §13.2): provisional responses are collected, a 2xx creates the dialog and
/// is ACKed end to end — a new request outside any transaction, repeated for every 2xx retransmission (§13.2.2.4) —
/// and <see cref="Cancel"/> sends CANCEL once a provisional response has arrived (§9.1).</summary>
public sealed class SipOutgoingCall : SipCall
{
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<SipResponse> _provisionals = [];
    private bool _provisionalSeen;
    private bool _cancelRequested;
    private bool _cancelSent;
    private SipRequest? _ack;

    internal SipOutgoingCall(SipUserAgent agent, SipRequest invite, SipEndPoint destination)
        : base(agent, invite, destination)
    {
    }

    /// <summary>Completes with the final response to the INVITE (a 408 made up locally when none came in time, a 503
    /// when the transport failed).</summary>
    public Task<SipResponse> Answered => _final.Task;

    /// <summary>The provisional responses received so far, in order.</summary>
    public IReadOnlyList<SipResponse> ProvisionalResponses
    {
        get
        {
            lock (Sync)
            {
                return [.. _provisionals];
            }
        }
    }

    /// <summary>Cancels the pending INVITE (§9.1): sent now if a provisional response came, else as soon as one does.
    /// False when a final response already came or a cancel was already asked for. Should a 2xx cross the CANCEL,
    /// the call is ACKed and hung up.</summary>
    public bool Cancel()
    {
        lock (Sync)
        {
            if (_final.Task.IsCompleted || _cancelRequested)
            {
                return false;
            }
            _cancelRequested = true;
            if (!_provisionalSeen)
            {
                return true;
            }
            _cancelSent = true;
        }
        Agent.SendCancel(this);
        return true;
    }

    internal void ReceiveResponse(SipResponse response)
    {
        if (response.IsProvisional)
        {
            ReceiveProvisional(response);
        }
        else if (response.IsSuccess)
        {
            ReceiveSuccess(response);
        }
        else
        {
            Fail(response, response.StatusCode == 487 ? SipCallEndReason.Cancelled : SipCallEndReason.Rejected);
        }
    }

    /// <summary>A 2xx that arrived after the INVITE transaction ended (§13.2.2.4): ACK it again.</summary>
    internal void ReceiveStraySuccess(SipResponse response) => ReceiveSuccess(response);

    internal void Fail(SipResponse response, SipCallEndReason reason)
    {
        if (_final.TrySetResult(response))
        {
            End(reason);
        }
    }

    /// <summary>No final response in time: CANCEL what may still ring, then fail with 408.</summary>
    internal void TimedOut()
    {
        bool cancel;
        lock (Sync)
        {
            cancel = _provisionalSeen && !_cancelSent && !_final.Task.IsCompleted;
            _cancelSent |= cancel;
        }
        if (cancel)
        {
            Agent.SendCancel(this);
        }
        Fail(SipResponseFactory.CreateResponse(Invite, 408), SipCallEndReason.TimedOut);
    }

    private async Task HangUpQuietlyAsync()
    {
        try
        {
            await HangUpAsync();
        }
        catch (InvalidOperationException)
        {
            // The peer hung up first.
        }
    }

    private void ReceiveProvisional(SipResponse response)
    {
        bool cancel;
        lock (Sync)
        {
            _provisionals.Add(response);
            _provisionalSeen = true;
            cancel = _cancelRequested && !_cancelSent;
            _cancelSent |= cancel;
        }
        if (cancel)
        {
            Agent.SendCancel(this);
        }
    }

    private void ReceiveSuccess(SipResponse response)
    {
        SipRequest ack;
        var established = false;
        lock (Sync)
        {
            if (StateValue == SipCallState.Terminated && Dialog is null)
            {
                return;
            }
            if (Dialog is null)
            {
                Dialog = SipDialog.CreateAsUac(Invite, response);
                SetSessionLocked(Invite.Body, response.Body);
                StateValue = SipCallState.Established;
                established = true;
                _ack = Dialog.CreateAck(Invite.CSeq!.Number);
                Agent.AddVia(_ack, Peer.Transport);
            }
            ack = _ack!;
        }
        if (established)
        {
            Agent.RegisterDialog(this);
        }
        Agent.SendAck(ack, Peer);
        if (!established)
        {
            return;
        }
        _final.TrySetResult(response);
        Agent.CallEstablished(this);
        bool hangUp;
        lock (Sync)
        {
            hangUp = _cancelRequested;
        }
        if (hangUp)
        {
            // §9.1: the CANCEL lost the race with the 2xx; the caller wanted no call.
            _ = HangUpQuietlyAsync();
        }
    }
}
