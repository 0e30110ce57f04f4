using System.Collections.Concurrent;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Registration;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip.UserAgents;

/// <summary>The UAC and UAS core (RFC 3261 §8, §13–§15) on top of the transaction layer it owns: answers OPTIONS,
/// 405/501 for methods it does not serve, INVITE/ACK/BYE/CANCEL for calls decided by an <see cref="ISipCallHandler"/>,
/// and within calls re-INVITE (§14), INFO (RFC 6086), REFER and its NOTIFYs (RFC 3515), INVITE with Replaces (RFC 3891);
/// 503 + Retry-After beyond the concurrent call limit; REGISTER goes to the <see cref="SipRegistrar"/> when one is
/// given (405 otherwise); places calls (<see cref="Invite"/>) and sends other requests
/// (<see cref="SendRequestAsync(SipRequest, SipEndPoint)"/>). Thread-safe.</summary>
public sealed partial class SipUserAgent : ISipTransactionUser
{
    private static readonly string[] Allowed = [SipMethods.Invite, SipMethods.Ack, SipMethods.Bye, SipMethods.Cancel, SipMethods.Options, SipMethods.Info, SipMethods.Refer, SipMethods.Notify];

    private readonly ConcurrentDictionary<SipDialogId, SipCall> _dialogs = new();
    private readonly ISipTransport _transport;
    private readonly Func<SipTransportKind, SipEndPoint?> _localEndPoint;
    private readonly ISipCallHandler _handler;
    private readonly SipUserAgentOptions _options;
    private readonly SipMetrics _metrics;
    private readonly ILogger _logger;
    private readonly SipRegistrar? _registrar;
    private readonly string _allowValue;
    private int _incomingCalls;

    /// <summary>Creates the core and its transaction layer over <paramref name="transport"/>.
    /// <paramref name="localEndPoint"/> tells our address per transport (for Via and Contact; see
    /// <see cref="SipTransportLayer.GetLocalEndPoint"/>). With <paramref name="registrar"/>, REGISTER requests are
    /// served by it.</summary>
    public SipUserAgent(
        ISipTransport transport,
        Func<SipTransportKind, SipEndPoint?> localEndPoint,
        ISipCallHandler handler,
        TimeProvider time,
        SipMetrics metrics,
        ILogger<SipUserAgent> logger,
        SipUserAgentOptions? options = null,
        SipTransactionOptions? transactionOptions = null,
        SipRegistrar? registrar = null)
    {
        _transport = transport;
        _localEndPoint = localEndPoint;
        _handler = handler;
        _metrics = metrics;
        _logger = logger;
        _options = options ?? new SipUserAgentOptions();
        _options.Validate();
        _registrar = registrar;
        _allowValue = string.Join(", ", registrar is null ? Allowed : [.. Allowed, SipMethods.Register]);
        Time = time;
        Transactions = new SipTransactionLayer(transport, this, time, transactionOptions);
    }

    /// <summary>The transaction layer this core is the user of; the transport's receiver feeds it.</summary>
    public SipTransactionLayer Transactions { get; }

    /// <summary>Incoming calls not yet ended (what the overload limit counts).</summary>
    public int IncomingCallCount => Volatile.Read(ref _incomingCalls);

    /// <summary>Calls with a dialog not yet ended.</summary>
    public int DialogCount => _dialogs.Count;

    internal TimeProvider Time { get; }

    /// <inheritdoc/>
    public void OnResponse(SipClientTransaction transaction, SipResponse response)
    {
        switch (transaction.UserState)
        {
            case SipOutgoingCall call when transaction.Request.Method == SipMethods.Invite:
                call.ReceiveResponse(response);
                break;
            case SipReInvite reInvite:
                reInvite.Call.ReceiveReInviteResponse(reInvite, response);
                break;
            case SipPendingRequest pending when !response.IsProvisional:
                pending.Complete(response);
                break;
            default:
                break;
        }
    }

    /// <inheritdoc/>
    public void OnStrayResponse(SipResponse response, SipEndPoint source)
    {
        if (!response.IsSuccess || response.CSeq?.Method != SipMethods.Invite
            || SipDialogId.OfIncomingResponse(response) is not { } id || !_dialogs.TryGetValue(id, out var call))
        {
            return;
        }
        // A 2xx retransmitted after its transaction ended: ACK it again, the initial INVITE's or a re-INVITE's.
        if (call is SipOutgoingCall outgoing && response.CSeq.Number == outgoing.Invite.CSeq?.Number)
        {
            outgoing.ReceiveStraySuccess(response);
        }
        else
        {
            call.ReceiveStrayReInviteSuccess(response);
        }
    }

    /// <inheritdoc/>
    public void OnTimeout(SipTransaction transaction)
    {
        switch (transaction.UserState)
        {
            case SipOutgoingCall call when transaction.Request.Method == SipMethods.Invite:
                call.TimedOut();
                break;
            case SipReInvite reInvite:
                reInvite.Call.ReceiveReInviteResponse(reInvite, SipResponseFactory.CreateResponse(transaction.Request, 408));
                break;
            case SipPendingRequest pending:
                pending.Complete(SipResponseFactory.CreateResponse(transaction.Request, 408));
                break;
            default:
                break;
        }
    }

    /// <inheritdoc/>
    public void OnTransportError(SipTransaction transaction)
    {
        LogTransportError(_logger, transaction.Request.Method, transaction.RemoteEndPoint);
        switch (transaction.UserState)
        {
            case SipOutgoingCall call when transaction.Request.Method == SipMethods.Invite:
                call.Fail(SipResponseFactory.CreateResponse(transaction.Request, 503), SipCallEndReason.TransportFailed);
                break;
            case SipReInvite reInvite:
                reInvite.Call.ReceiveReInviteResponse(reInvite, SipResponseFactory.CreateResponse(transaction.Request, 503));
                break;
            case SipPendingRequest pending:
                pending.Complete(SipResponseFactory.CreateResponse(transaction.Request, 503));
                break;
            case SipIncomingCall call:
                call.Abort(SipCallEndReason.TransportFailed);
                break;
            default:
                break;
        }
    }

    internal void RegisterDialog(SipCall call) => _dialogs[call.Dialog!.Id] = call;

    internal void CallEstablished(SipCall call)
    {
        try
        {
            _handler.OnCallEstablished(call);
        }
        catch (Exception exception)
        {
            LogHandlerFailed(_logger, call.CallId, exception);
        }
    }

    internal void CallEnded(SipCall call, SipCallEndReason reason)
    {
        if (call.Dialog is { } dialog)
        {
            _dialogs.TryRemove(new KeyValuePair<SipDialogId, SipCall>(dialog.Id, call));
        }
        if (call is SipIncomingCall)
        {
            Interlocked.Decrement(ref _incomingCalls);
        }
        try
        {
            _handler.OnCallEnded(call, reason);
        }
        catch (Exception exception)
        {
            LogHandlerFailed(_logger, call.CallId, exception);
        }
    }

    internal void LogAckTimeout(SipIncomingCall call) => LogNoAck(_logger, call.CallId);

    /// <summary>Passes a re-offer to the handler (§14.2); a failing handler answers 500.</summary>
    internal void ReOffer(SipCall call, SipReOffer offer)
    {
        try
        {
            _handler.OnReOffer(call, offer);
        }
        catch (Exception exception)
        {
            LogHandlerFailed(_logger, call.CallId, exception);
            offer.Reject(500);
        }
    }

    /// <summary>Runs an application callback (an event of a call) without letting it break the stack.</summary>
    internal void Notify(SipCall call, Action callback)
    {
        try
        {
            callback();
        }
        catch (Exception exception)
        {
            LogHandlerFailed(_logger, call.CallId, exception);
        }
    }

    /// <summary>Passes a REFER to the handler; a failing handler answers 500.</summary>
    internal void TransferRequested(SipCall call, SipTransferRequest transfer)
    {
        try
        {
            _handler.OnTransferRequested(call, transfer);
        }
        catch (Exception exception)
        {
            LogHandlerFailed(_logger, call.CallId, exception);
            transfer.Reject(500);
        }
    }

    internal void LogGlare(SipCall call, TimeSpan delay) => LogGlareRetry(_logger, call.CallId, delay);

    [LoggerMessage(5025, LogLevel.Warning, "SIP: overloaded ({Limit} calls): INVITE {CallId} from {Source} refused with 503")]
    private static partial void LogOverload(ILogger logger, int limit, string? callId, SipEndPoint source);

    [LoggerMessage(5026, LogLevel.Error, "SIP: the call handler failed for call {CallId}")]
    private static partial void LogHandlerFailed(ILogger logger, string? callId, Exception exception);

    [LoggerMessage(5027, LogLevel.Warning, "SIP: no ACK for our 2xx to call {CallId} within 64*T1; hanging up (RFC 3261 §13.3.1.4)")]
    private static partial void LogNoAck(ILogger logger, string callId);

    [LoggerMessage(5050, LogLevel.Information, "SIP: re-INVITE glare on call {CallId} (491); retrying in {Delay} (RFC 3261 §14.1)")]
    private static partial void LogGlareRetry(ILogger logger, string callId, TimeSpan delay);

    [LoggerMessage(5028, LogLevel.Information, "SIP: the transport refused a {Method} message for {Remote}")]
    private static partial void LogTransportError(ILogger logger, string method, SipEndPoint remote);
}
