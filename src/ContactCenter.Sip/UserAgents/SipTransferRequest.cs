using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.UserAgents;

/// <summary>A REFER the peer sent in a call (RFC 3515): the handler accepts it (202 and the implicit subscription's
/// first NOTIFY, 100 Trying) or rejects it; whoever carries out the transfer then reports how the INVITE to
/// <see cref="Target"/> goes with <see cref="ReportProgressAsync"/>, each report a NOTIFY, the final one ending the
/// subscription.</summary>
public sealed class SipTransferRequest
{
    private readonly Lock _lock = new();
    private Task _lastNotify = Task.CompletedTask;
    private bool _answered;
    private bool _terminated;

    internal SipTransferRequest(SipCall call, SipServerTransaction transaction, NameAddress referTo)
    {
        Call = call;
        Transaction = transaction;
        ReferTo = referTo;
        Replaces = SipReplaces.FromUri(referTo.Uri);
    }

    /// <summary>The call the REFER came in.</summary>
    public SipCall Call { get; }

    /// <summary>The REFER.</summary>
    public SipRequest Request => Transaction.Request;

    /// <summary>The Refer-To as sent, URI headers included.</summary>
    public NameAddress ReferTo { get; }

    /// <summary>Where to send the INVITE: the Refer-To URI. Its headers (a Replaces for attended transfer) become
    /// headers of the INVITE when it is placed with <see cref="SipUserAgent.Invite"/> (RFC 3261 §19.1.5).</summary>
    public SipUri Target => ReferTo.Uri;

    /// <summary>The dialog to replace (attended transfer, RFC 3891); null for a blind transfer.</summary>
    public SipReplaces? Replaces { get; }

    /// <summary>The Referred-By header, if any (RFC 3892).</summary>
    public string? ReferredBy => Request.Headers.Get(SipHeaderNames.ReferredBy);

    internal SipServerTransaction Transaction { get; }

    /// <summary>Answers 202 Accepted and sends the first NOTIFY (<c>SIP/2.0 100 Trying</c>, RFC 3515 §2.4.4); the
    /// call's <see cref="SipCall.TransferRequested"/> event follows. False when already answered.</summary>
    public bool Accept()
    {
        lock (_lock)
        {
            if (_answered)
            {
                return false;
            }
            _answered = true;
        }
        Transaction.SendResponse(Call.CreateInDialogResponse(Request, 202));
        // Nobody awaits the first NOTIFY: observe its failure (the call ended meanwhile) so it is not left unobserved.
        _ = ReportProgressAsync(100, "Trying").ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        Call.RaiseTransferRequested(this);
        return true;
    }

    /// <summary>Refuses the transfer (default 603 Decline); no subscription is created.</summary>
    public bool Reject(int statusCode = 603)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        lock (_lock)
        {
            if (_answered)
            {
                return false;
            }
            _answered = true;
        }
        Transaction.SendResponse(SipResponseFactory.CreateResponse(Request, statusCode));
        return true;
    }

    /// <summary>Sends a NOTIFY with <c>SIP/2.0 {statusCode} {reason}</c> as <c>message/sipfrag</c>; a final status
    /// (≥ 200) ends the subscription (<c>Subscription-State: terminated;reason=noresource</c>). NOTIFYs go one after
    /// the other so they arrive in order. Completes with the NOTIFY's final response; faults with
    /// <see cref="InvalidOperationException"/> when the call has ended.</summary>
    public Task<SipResponse> ReportProgressAsync(int statusCode, string? reasonPhrase = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        lock (_lock)
        {
            if (!_answered || _terminated)
            {
                throw new InvalidOperationException("progress is reported only for an accepted transfer, until its final status");
            }
            var final = statusCode >= 200;
            _terminated = final;
            var previous = _lastNotify;
            var next = NotifyAfterAsync(previous, statusCode, reasonPhrase ?? SipStatusCodes.GetReasonPhrase(statusCode), final);
            _lastNotify = next;
            return next;
        }
    }

    private async Task<SipResponse> NotifyAfterAsync(Task previous, int statusCode, string reasonPhrase, bool final)
    {
        try
        {
            await previous.ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The previous NOTIFY could not be sent (the call ended); this one will say so too.
        }
        return await Call.SendReferNotifyAsync(Request.CSeq!.Number, statusCode, reasonPhrase, final).ConfigureAwait(false);
    }
}
