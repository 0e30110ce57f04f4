using System.Globalization;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.UserAgents;

public sealed partial class SipUserAgent
{
    /// <inheritdoc/>
    public void OnRequest(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        // §8.2.2.3: of the extensions a Require may name (CANCEL excepted) we support only replaces (RFC 3891).
        if (request.Method != SipMethods.Cancel && Unsupported(request) is { } unsupportedOptions)
        {
            var unsupported = SipResponseFactory.CreateResponse(request, 420);
            unsupported.Headers.Add(SipHeaderNames.Unsupported, unsupportedOptions);
            transaction.SendResponse(unsupported);
            return;
        }
        switch (request.Method)
        {
            case SipMethods.Invite:
                ReceiveInvite(transaction);
                break;
            case SipMethods.Bye:
                ReceiveBye(transaction);
                break;
            case SipMethods.Info:
                ReceiveInDialog(transaction, static (call, t) => call.ReceiveInfo(t));
                break;
            case SipMethods.Refer:
                ReceiveInDialog(transaction, static (call, t) => call.ReceiveRefer(t));
                break;
            case SipMethods.Notify:
                ReceiveInDialog(transaction, static (call, t) => call.ReceiveNotify(t));
                break;
            case SipMethods.Cancel:
                ReceiveCancel(transaction);
                break;
            case SipMethods.Register when _registrar is not null:
                _registrar.Receive(transaction);
                break;
            case SipMethods.Options:
                transaction.SendResponse(WithCapabilities(SipResponseFactory.CreateResponse(request, 200)));
                break;
            default:
                // §8.2.1: 405 for a method we know but do not serve here, 501 for one we do not know at all.
                var known = SipMethods.IsKnown(request.Method);
                var response = SipResponseFactory.CreateResponse(request, known ? 405 : 501);
                transaction.SendResponse(known ? WithCapabilities(response) : response);
                break;
        }
    }

    /// <inheritdoc/>
    public void OnAck(SipRequest ack, SipEndPoint source)
    {
        if (SipDialogId.OfIncomingRequest(ack) is { } id && _dialogs.TryGetValue(id, out var call))
        {
            call.ReceiveAck(ack);
        }
    }

    private void ReceiveInvite(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        if (SipDialogId.OfIncomingRequest(request) is { } id)
        {
            // A re-INVITE (§14.2).
            if (_dialogs.TryGetValue(id, out var existing))
            {
                existing.ReceiveReInvite(transaction);
            }
            else
            {
                transaction.SendResponse(SipResponseFactory.CreateResponse(request, 481));
            }
            return;
        }
        if (Interlocked.Increment(ref _incomingCalls) > _options.MaxConcurrentIncomingCalls)
        {
            Interlocked.Decrement(ref _incomingCalls);
            _metrics.OverloadRejections.Add(1);
            var busy = SipResponseFactory.CreateResponse(request, 503);
            busy.Headers.Add(SipHeaderNames.RetryAfter, ((long)_options.OverloadRetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            transaction.SendResponse(busy);
            LogOverload(_logger, _options.MaxConcurrentIncomingCalls, request.CallId, transaction.RemoteEndPoint);
            return;
        }
        SipCall? replaced = null;
        if (request.Headers.Get(SipHeaderNames.Replaces) is { } replacesValue)
        {
            // RFC 3891 §3: the dialog named must be ours (481 otherwise); early-only refuses a confirmed one (486).
            var status = !SipReplaces.TryParse(replacesValue, out var replaces) ? 400
                : !_dialogs.TryGetValue(replaces.DialogId, out replaced) ? 481
                : replaces.EarlyOnly ? 486
                : 0;
            if (status != 0)
            {
                Interlocked.Decrement(ref _incomingCalls);
                transaction.SendResponse(SipResponseFactory.CreateResponse(request, status));
                return;
            }
        }
        var call = new SipIncomingCall(this, transaction, _options.UnansweredCallTimeout, replaced);
        transaction.UserState = call;
        try
        {
            _handler.OnIncomingCall(call);
        }
        catch (Exception exception)
        {
            LogHandlerFailed(_logger, request.CallId, exception);
            call.Reject(500);
        }
    }

    /// <summary>A request that only makes sense within a dialog: to its call, else 481 (§12.2.2).</summary>
    private void ReceiveInDialog(SipServerTransaction transaction, Action<SipCall, SipServerTransaction> receive)
    {
        if (SipDialogId.OfIncomingRequest(transaction.Request) is { } id && _dialogs.TryGetValue(id, out var call))
        {
            receive(call, transaction);
            return;
        }
        transaction.SendResponse(SipResponseFactory.CreateResponse(transaction.Request, 481));
    }

    private void ReceiveBye(SipServerTransaction transaction)
    {
        if (SipDialogId.OfIncomingRequest(transaction.Request) is { } id && _dialogs.TryGetValue(id, out var call))
        {
            call.ReceiveBye(transaction);
            return;
        }
        transaction.SendResponse(SipResponseFactory.CreateResponse(transaction.Request, 481));
    }

    /// <summary>§9.2: 200 to the CANCEL itself, then 487 to the INVITE if it is still pending; 481 when no INVITE
    /// transaction matches.</summary>
    private void ReceiveCancel(SipServerTransaction transaction)
    {
        var invite = Transactions.FindInviteServerTransaction(transaction.Request);
        transaction.SendResponse(SipResponseFactory.CreateResponse(transaction.Request, invite is null ? 481 : 200));
        if (invite?.UserState is SipIncomingCall call)
        {
            call.ReceiveCancel();
        }
    }

    private static string? Unsupported(SipRequest request)
    {
        var required = request.Headers.GetValues(SipHeaderNames.Require);
        if (required.Count == 0)
        {
            return null;
        }
        var unsupported = required.SelectMany(v => v.Split(','))
            .Select(v => v.Trim())
            .Where(v => v.Length > 0 && !(request.Method == SipMethods.Invite && v.Equals("replaces", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return unsupported.Count == 0 ? null : string.Join(", ", unsupported);
    }

    private SipResponse WithCapabilities(SipResponse response)
    {
        response.Headers.Add(SipHeaderNames.Allow, _allowValue);
        response.Headers.Add(SipHeaderNames.Accept, _options.Accept);
        response.Headers.Add(SipHeaderNames.Supported, "replaces");
        return response;
    }
}
