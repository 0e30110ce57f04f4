using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>A transaction user that records every call; optionally answers new requests at once.</summary>
internal sealed class RecordingUser : ISipTransactionUser
{
    public List<SipServerTransaction> Requests { get; } = [];

    public List<SipRequest> Acks { get; } = [];

    public List<(SipClientTransaction Transaction, SipResponse Response)> Responses { get; } = [];

    public List<SipResponse> Strays { get; } = [];

    public List<SipTransaction> Timeouts { get; } = [];

    public List<SipTransaction> TransportErrors { get; } = [];

    public int? AnswerWith { get; set; }

    public bool ThrowOnRequest { get; set; }

    public void OnRequest(SipServerTransaction transaction)
    {
        Requests.Add(transaction);
        if (ThrowOnRequest)
        {
            throw new InvalidOperationException("the user failed on purpose");
        }
        if (AnswerWith is { } status)
        {
            transaction.SendResponse(SipResponseFactory.CreateResponse(transaction.Request, status, toTag: "uas"));
        }
    }

    public void OnAck(SipRequest ack, SipEndPoint source) => Acks.Add(ack);

    public void OnResponse(SipClientTransaction transaction, SipResponse response) => Responses.Add((transaction, response));

    public void OnStrayResponse(SipResponse response, SipEndPoint source) => Strays.Add(response);

    public void OnTimeout(SipTransaction transaction) => Timeouts.Add(transaction);

    public void OnTransportError(SipTransaction transaction) => TransportErrors.Add(transaction);
}
