using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>Records what the stack sends; every message must survive serialize + parse, as on a real wire.</summary>
internal sealed class FakeTransport : ISipTransport
{
    public List<(SipMessage Message, SipEndPoint Destination)> Sent { get; } = [];

    public bool Refuse { get; set; }

    /// <summary>The failure callbacks handed over with queued messages; a test invokes one to play a failed connect.</summary>
    public List<Action> FailureCallbacks { get; } = [];

    public bool TrySend(SipMessage message, SipEndPoint destination, Action? onFailure)
    {
        var sent = TrySend(message, destination);
        if (sent && onFailure is not null)
        {
            FailureCallbacks.Add(onFailure);
        }
        return sent;
    }

    public bool TrySend(SipMessage message, SipEndPoint destination)
    {
        var parsed = SipMessageParser.Parse(SipMessageSerializer.Serialize(message));
        Assert.True(parsed.IsSuccess, $"the stack sent a message that does not parse: {parsed}");
        if (Refuse)
        {
            return false;
        }
        Sent.Add((parsed.Message!, destination));
        return true;
    }

    public List<SipResponse> Responses(int status) => [.. Sent.Select(s => s.Message).OfType<SipResponse>().Where(r => r.StatusCode == status)];

    public List<SipRequest> Requests(string method) => [.. Sent.Select(s => s.Message).OfType<SipRequest>().Where(r => r.Method == method)];
}
