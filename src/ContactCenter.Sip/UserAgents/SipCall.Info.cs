using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.UserAgents;

public abstract partial class SipCall
{
    /// <summary>Raised for each DTMF digit the peer sends by INFO.</summary>
    public event EventHandler<SipDtmf>? DtmfReceived;

    /// <summary>Raised for each INFO whose body is not DTMF.</summary>
    public event EventHandler<SipInfoMessage>? InfoReceived;

    /// <summary>Sends INFO with <paramref name="body"/> in the dialog (RFC 6086); completes with the final response.</summary>
    public Task<SipResponse> SendInfoAsync(string contentType, ReadOnlyMemory<byte> body) =>
        SendInDialogAsync(SipMethods.Info, request =>
        {
            request.Headers.Add(SipHeaderNames.ContentType, contentType);
            request.Body = body.ToArray();
        });

    /// <summary>Sends a DTMF digit as INFO <c>application/dtmf-relay</c>.</summary>
    public Task<SipResponse> SendDtmfAsync(char digit, int durationMilliseconds = 160) =>
        SendInfoAsync(SipDtmf.ContentType, new SipDtmf(digit, durationMilliseconds).ToBody());

    /// <summary>INFO within the dialog: 200 (500 for an out-of-order CSeq), then a DTMF or INFO event. RFC 6086's
    /// Info-Package negotiation is not required: legacy DTMF INFO (no Info-Package header) is what phones send.</summary>
    internal void ReceiveInfo(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        int? status;
        lock (Sync)
        {
            status = Dialog?.ReceiveRequest(request);
        }
        transaction.SendResponse(SipResponseFactory.CreateResponse(request, status ?? 200));
        if (status is not null)
        {
            return;
        }
        if (SipDtmf.TryParse(request.ContentType, request.Body.Span, out var dtmf))
        {
            Agent.Notify(this, () => DtmfReceived?.Invoke(this, dtmf!));
        }
        else
        {
            var info = new SipInfoMessage(request.ContentType, request.Body);
            Agent.Notify(this, () => InfoReceived?.Invoke(this, info));
        }
    }

    /// <summary>Sends a request built by the dialog (§12.2.1.1), completed by <paramref name="build"/>, and applies
    /// its final response to the dialog (remote target refresh, 481/408 end it).</summary>
    private protected async Task<SipResponse> SendInDialogAsync(string method, Action<SipRequest>? build = null)
    {
        SipRequest request;
        lock (Sync)
        {
            if (StateValue != SipCallState.Established || Dialog is null)
            {
                throw new InvalidOperationException($"call {CallId} is {StateValue}: {method} needs an established dialog");
            }
            request = Dialog.CreateRequest(method);
        }
        build?.Invoke(request);
        var response = await Agent.SendRequestAsync(request, Peer).ConfigureAwait(false);
        lock (Sync)
        {
            if (Dialog is { State: not SipDialogState.Terminated } dialog)
            {
                dialog.ReceiveResponse(request, response);
            }
        }
        return response;
    }
}
