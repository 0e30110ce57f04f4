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
        // §8.2.2.3: we support no extensions, so any Require (CANCEL excepted) is unsupported.
        if (request.Method != SipMethods.Cancel && request.Headers.Get(SipHeaderNames.Require) is { } required)
        {
            var unsupported = SipResponseFactory.CreateResponse(request, 420);
            unsupported.Headers.Add(SipHeaderNames.Unsupported, required);
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
        if (SipDialogId.OfIncomingRequest(ack) is { } id && _dialogs.TryGetValue(id, out var call) && call is SipIncomingCall incoming)
        {
            incoming.ReceiveAck(ack);
        }
    }

    private void ReceiveInvite(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        if (SipDialogId.OfIncomingRequest(request) is { } id)
        {
            // A re-INVITE: session changes are not served yet (488 keeps the session as it is, §14.2).
            transaction.SendResponse(SipResponseFactory.CreateResponse(request, _dialogs.ContainsKey(id) ? 488 : 481));
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
        var call = new SipIncomingCall(this, transaction, _options.UnansweredCallTimeout);
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

    private SipResponse WithCapabilities(SipResponse response)
    {
        response.Headers.Add(SipHeaderNames.Allow, _allowValue);
        response.Headers.Add(SipHeaderNames.Accept, _options.Accept);
        return response;
    }
}
