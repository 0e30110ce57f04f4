using System.Globalization;
using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.UserAgents;

public abstract partial class SipCall
{
    private const string SipFrag = "message/sipfrag";

    /// <summary>Raised when the handler accepted a REFER from the peer: carry out the transfer to its target and
    /// report progress on it.</summary>
    public event EventHandler<SipTransferRequest>? TransferRequested;

    /// <summary>Raised for each NOTIFY about a transfer we asked for (RFC 3515 §2.4.5).</summary>
    public event EventHandler<SipTransferProgress>? TransferProgress;

    /// <summary>Blind transfer: REFER with <c>Refer-To: &lt;target&gt;</c> (RFC 3515); completes with its final
    /// response (202 when the peer will try). Progress comes as <see cref="TransferProgress"/> events.</summary>
    public Task<SipResponse> TransferAsync(SipUri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return SendInDialogAsync(SipMethods.Refer, request =>
        {
            request.Headers.Add(SipHeaderNames.ReferTo, new NameAddress(target).ToString());
            request.Headers.Add(SipHeaderNames.ReferredBy, new NameAddress(request.From!.Uri).ToString());
        });
    }

    /// <summary>Attended transfer: REFER whose Refer-To names <paramref name="target"/> with a Replaces header for
    /// <paramref name="consultation"/> (our call with the target), so the peer's INVITE replaces that call (RFC 3891
    /// §3; the header is escaped into the URI).</summary>
    public Task<SipResponse> TransferAsync(SipUri target, SipCall consultation)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(consultation);
        var dialog = consultation.Dialog ?? throw new InvalidOperationException($"call {consultation.CallId} has no dialog to replace");
        return TransferAsync(SipReplaces.ForPeerOf(dialog.Id).AddTo(target.WithoutHeaders()));
    }

    /// <summary>REFER within the dialog: 400 without a usable Refer-To, 500 when out of order; else the handler
    /// decides (202 or a failure).</summary>
    internal void ReceiveRefer(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        int? status;
        lock (Sync)
        {
            status = Dialog?.ReceiveRequest(request);
        }
        var referTo = request.Headers.GetValues(SipHeaderNames.ReferTo);
        if (status is null && (referTo.Count != 1 || !NameAddress.TryParse(referTo[0], out _)))
        {
            status = 400;
        }
        if (status is { } failure)
        {
            transaction.SendResponse(SipResponseFactory.CreateResponse(request, failure, failure == 400 ? "Bad Refer-To" : null));
            return;
        }
        Agent.TransferRequested(this, new SipTransferRequest(this, transaction, NameAddress.Parse(referTo[0])));
    }

    /// <summary>NOTIFY within the dialog (RFC 6665): for the refer event package, 200 and a
    /// <see cref="TransferProgress"/> event; 489 Bad Event for any other package.</summary>
    internal void ReceiveNotify(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        int? status;
        lock (Sync)
        {
            status = Dialog?.ReceiveRequest(request);
        }
        var package = request.Headers.Get(SipHeaderNames.Event)?.Split(';')[0].Trim();
        if (status is null && !string.Equals(package, "refer", StringComparison.OrdinalIgnoreCase))
        {
            status = 489;
        }
        transaction.SendResponse(CreateInDialogResponse(request, status ?? 200));
        if (status is not null || ParseSipFrag(request.Body.Span) is not { } line)
        {
            return;
        }
        var final = request.Headers.Get(SipHeaderNames.SubscriptionState)?.Split(';')[0].Trim()
            .Equals("terminated", StringComparison.OrdinalIgnoreCase) ?? false;
        var progress = new SipTransferProgress(line.Status, line.Reason, final);
        Agent.Notify(this, () => TransferProgress?.Invoke(this, progress));
    }

    /// <summary>A response to a request within the dialog; a 2xx to a target refresh request carries our Contact
    /// (RFC 3261 §12.2.2, RFC 3515 §2.4.2, RFC 6665 §4.1.3).</summary>
    internal SipResponse CreateInDialogResponse(SipRequest request, int statusCode)
    {
        var response = SipResponseFactory.CreateResponse(request, statusCode);
        if (response.IsSuccess && Dialogs.SipDialog.IsTargetRefresh(request.Method))
        {
            response.Headers.Add(SipHeaderNames.Contact, Agent.ContactFor(Peer.Transport).ToString());
        }
        return response;
    }

    internal void RaiseTransferRequested(SipTransferRequest transfer) =>
        Agent.Notify(this, () => TransferRequested?.Invoke(this, transfer));

    /// <summary>A NOTIFY of the implicit refer subscription (RFC 3515 §2.4.4–2.4.6).</summary>
    internal Task<SipResponse> SendReferNotifyAsync(long referSequence, int statusCode, string reasonPhrase, bool final) =>
        SendInDialogAsync(SipMethods.Notify, request =>
        {
            // §2.4.6: the id parameter (the REFER's CSeq) tells apart the subscriptions of several REFERs.
            request.Headers.Add(SipHeaderNames.Event, string.Create(CultureInfo.InvariantCulture, $"refer;id={referSequence}"));
            request.Headers.Add(SipHeaderNames.SubscriptionState, final ? "terminated;reason=noresource" : "active;expires=60");
            request.Headers.Add(SipHeaderNames.ContentType, SipFrag);
            request.Body = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"SIP/2.0 {statusCode} {reasonPhrase}\r\n"));
        });

    private static (int Status, string Reason)? ParseSipFrag(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body);
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var line = (end < 0 ? text : text[..end]).Trim();
        var parts = line.Split(' ', 3);
        return parts.Length >= 2 && parts[0].Equals(SipMessage.SipVersion, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 100 and <= 699
            ? (status, parts.Length == 3 ? parts[2] : "")
            : null;
    }
}
