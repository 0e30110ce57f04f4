using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Registration;
using ContactCenter.Sip.Transactions;
using ContactCenter.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Sip.Tests.Loopback;

/// <summary>A UAC built on the stack registers with digest authentication, over real loopback sockets, at a UAS whose
/// UA core has a registrar.</summary>
public sealed class LoopbackRegistrationTests
{
    private static readonly TimeSpan Patience = LoopbackStacks.Patience;

    public static TheoryData<SipTransportKind> Transports => [SipTransportKind.Udp, SipTransportKind.Tcp, SipTransportKind.Tls];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Register_with_digest_auth_creates_a_binding_in_the_store(SipTransportKind transport)
    {
        var ct = TestContext.Current.CancellationToken;
        var bindings = new InMemorySipBindingStore();
        await using var stacks = LoopbackStacks.Create(calleeRegistrar: time => Registrar(time, bindings));
        var (request, destination) = Register(stacks, transport, expires: 300);

        var response = await stacks.Caller.UserAgent.SendRequestAsync(request, destination, new SipDigestClient("alice", "secret")).WaitAsync(Patience, ct);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, response.CSeq!.Number);
        var contact = stacks.Caller.UserAgent.ContactFor(transport);
        Assert.Equal(contact.WithParameter("expires", "300").ToString(), Assert.Single(response.Headers.GetValues(SipHeaderNames.Contact)));
        var binding = Assert.Single((await bindings.GetAsync("sip:alice@example.com", stacks.Time.GetUtcNow(), ct)).Bindings);
        Assert.True(binding.Contact.Uri.IsEquivalentTo(contact.Uri), $"stored {binding.Contact}, registered {contact}");
        Assert.Equal(transport, binding.Source!.Transport);

        // Un-register: the same Call-ID with a higher CSeq and Expires 0 for every binding.
        var (removal, _) = Register(stacks, transport, expires: 0, wildcard: true);
        removal.Headers.Set(SipHeaderNames.CallId, request.CallId!);
        removal.Headers.Set(SipHeaderNames.From, request.Headers.Get(SipHeaderNames.From)!);
        removal.Headers.Set(SipHeaderNames.CSeq, "3 REGISTER");
        var removed = await stacks.Caller.UserAgent.SendRequestAsync(removal, destination, new SipDigestClient("alice", "secret")).WaitAsync(Patience, ct);

        Assert.Equal(200, removed.StatusCode);
        Assert.Empty((await bindings.GetAsync("sip:alice@example.com", stacks.Time.GetUtcNow(), ct)).Bindings);
    }

    [Fact]
    public async Task A_wrong_password_gets_403_and_no_binding()
    {
        var ct = TestContext.Current.CancellationToken;
        var bindings = new InMemorySipBindingStore();
        await using var stacks = LoopbackStacks.Create(calleeRegistrar: time => Registrar(time, bindings));
        var (request, destination) = Register(stacks, SipTransportKind.Udp, expires: 300);

        var response = await stacks.Caller.UserAgent.SendRequestAsync(request, destination, new SipDigestClient("alice", "guess")).WaitAsync(Patience, ct);

        Assert.Equal(403, response.StatusCode);
        Assert.Equal(0, bindings.Count);
    }

    private static SipRegistrar Registrar(FakeTimeProvider time, ISipBindingStore bindings)
    {
        var credentials = new InMemorySipCredentialStore();
        credentials.Set("cc", "alice", SipCredential.FromPassword("secret"));
        var authenticator = new SipDigestAuthenticator(credentials, time, NullLogger<SipDigestAuthenticator>.Instance, new SipAuthenticationOptions { Realm = "cc" });
        return new SipRegistrar(bindings, time, NullLogger<SipRegistrar>.Instance, authenticator: authenticator);
    }

    private static (SipRequest Request, SipEndPoint Destination) Register(LoopbackStacks stacks, SipTransportKind transport, int expires, bool wildcard = false)
    {
        var destination = stacks.Callee.LocalEndPoint(transport);
        var registrar = new SipUri(SipUriScheme.Sip, null, destination.Host, destination.Port);
        var agent = stacks.Caller.UserAgent;
        var request = agent.CreateRequest(SipMethods.Register, transport == SipTransportKind.Udp ? registrar : registrar.WithParameter("transport", transport.ToString().ToLowerInvariant()));
        var aor = SipUri.Parse("sip:alice@example.com");
        request.Headers.Set(SipHeaderNames.To, new NameAddress(aor).ToString());
        request.Headers.Set(SipHeaderNames.From, new NameAddress(aor).WithTag(SipIdentifiers.NewTag()).ToString());
        request.Headers.Add(SipHeaderNames.Contact, wildcard ? "*" : agent.ContactFor(transport).ToString());
        request.Headers.Add(SipHeaderNames.Expires, expires.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (request, destination);
    }
}
