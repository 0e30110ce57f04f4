using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Registration;
using ContactCenter.Sip.Tests.Loopback;
using ContactCenter.Sip.Tests.Transactions;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;
using ContactCenter.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Sip.Tests.Registration;

/// <summary>A UA core with a registrar on a fake transport and a fake clock; REGISTERs go in through the transaction
/// layer as from the wire, and with in-memory stores the response is out before <see cref="Send"/> returns.</summary>
internal sealed class RegistrarHarness : IDisposable
{
    public static readonly SipEndPoint Phone = new(SipTransportKind.Udp, "192.0.2.20", 5060);

    private readonly SipMetrics _metrics = new();

    public RegistrarHarness(bool authenticate = true, SipRegistrarOptions? options = null, ISipBindingStore? store = null)
    {
        Credentials.Set("cc", "alice", SipCredential.FromPassword("secret"));
        Credentials.Set("cc", "bob", SipCredential.FromPassword("bobpw"));
        var authenticator = authenticate
            ? new SipDigestAuthenticator(Credentials, Time, NullLogger<SipDigestAuthenticator>.Instance, new SipAuthenticationOptions { Realm = "cc" })
            : null;
        Registrar = new SipRegistrar(store ?? Store, Time, NullLogger<SipRegistrar>.Instance, options, authenticator);
        Agent = new SipUserAgent(Transport, _ => new SipEndPoint(SipTransportKind.Udp, "198.51.100.4", 5060), new TestCallHandler(), Time, _metrics,
            NullLogger<SipUserAgent>.Instance, transactionOptions: new SipTransactionOptions { TryingDelay = TimeSpan.Zero }, registrar: Registrar);
    }

    public FakeTimeProvider Time { get; } = new();

    public FakeTransport Transport { get; } = new();

    public InMemorySipBindingStore Store { get; } = new();

    public InMemorySipCredentialStore Credentials { get; } = new();

    public SipRegistrar Registrar { get; }

    public SipUserAgent Agent { get; }

    public static SipRequest Register(string callId = "reg-1", long cseq = 1, string? expires = null, string user = "alice", params string[] contacts)
    {
        var request = new SipRequest(SipMethods.Register, SipUri.Parse("sip:example.com"));
        request.Headers.Add("Max-Forwards", "70");
        request.Headers.Add("To", $"<sip:{user}@Example.COM;user=phone>");
        request.Headers.Add("From", $"<sip:{user}@example.com>;tag=ft1");
        request.Headers.Add("Call-ID", callId);
        request.Headers.Add("CSeq", $"{cseq} REGISTER");
        foreach (var contact in contacts)
        {
            request.Headers.Add("Contact", contact);
        }
        if (expires is not null)
        {
            request.Headers.Add("Expires", expires);
        }
        return request;
    }

    /// <summary>Sends the request (with a new top Via) and returns the final response it got.</summary>
    public SipResponse Send(SipRequest request)
    {
        request.Headers.Remove("Via");
        request.Headers.AddFirst("Via", $"SIP/2.0/UDP 192.0.2.20:5060;branch={SipIdentifiers.NewBranch()}");
        var before = Transport.Sent.Count;
        Agent.Transactions.Receive(request, Phone);
        var response = Transport.Sent.Skip(before).Select(s => s.Message).OfType<SipResponse>().LastOrDefault(r => !r.IsProvisional);
        return response ?? throw new InvalidOperationException($"no final response to {request.Method} CSeq {request.CSeq}");
    }

    /// <summary>Sends the request; on a 401 answers it with <paramref name="client"/> (CSeq + 1) like a phone.</summary>
    public (SipResponse Response, SipRequest LastRequest) SendAuthenticated(SipRequest request, SipDigestClient client)
    {
        var response = Send(request);
        if (response.StatusCode != 401)
        {
            return (response, request);
        }
        var retry = SipRequestFactory.CreateRetry(request);
        Assert.True(client.TryAuthorize(retry, response));
        return (Send(retry), retry);
    }

    public List<SipBinding> Bindings(string aor = "sip:alice@example.com") =>
        [.. Store.GetAsync(aor, Time.GetUtcNow(), TestContext.Current.CancellationToken).AsTask().GetAwaiter().GetResult().Bindings];

    public void Dispose()
    {
        Registrar.Dispose();
        _metrics.Dispose();
    }
}
