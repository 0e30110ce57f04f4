using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Registration;
using ContactCenter.Sip.Transactions;
using ContactCenter.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Sip.Tests.Loopback;

/// <summary>The outbound registration client of one stack registers at the registrar of another, over loopback.</summary>
public sealed class LoopbackOutboundRegistrationTests
{
    private static readonly TimeSpan Patience = LoopbackStacks.Patience;
    private const string Aor = "sip:trunk1@example.com";

    [Theory]
    [InlineData(SipTransportKind.Udp)]
    [InlineData(SipTransportKind.Tcp)]
    public async Task Registers_with_digest_refreshes_before_expiry_and_unregisters_on_stop(SipTransportKind transport)
    {
        var ct = TestContext.Current.CancellationToken;
        var bindings = new InMemorySipBindingStore();
        await using var stacks = LoopbackStacks.Create(calleeRegistrar: time => Registrar(time, bindings, minExpires: 120));
        var client = Client(stacks, transport, "secret", expires: TimeSpan.FromSeconds(60));
        var registered = Next(client, SipRegistrationState.Registered);

        client.Start();
        await registered.WaitAsync(Patience, ct);

        // 60 s was too brief: the client followed 423 Min-Expires to 120 s.
        Assert.Equal(200, client.LastStatusCode);
        Assert.Equal(stacks.Time.GetUtcNow().AddSeconds(120), client.ExpiresAt);
        var first = Assert.Single(await Bindings(stacks, bindings));

        var refreshed = Next(client, SipRegistrationState.Registered);
        stacks.Time.Advance(TimeSpan.FromSeconds(90));
        await refreshed.WaitAsync(Patience, ct);

        var second = Assert.Single(await Bindings(stacks, bindings));
        Assert.Equal(first.CallId, second.CallId);
        // The refresh reused the nonce with the next nonce count: one REGISTER, no new challenge.
        Assert.Equal(first.CSeq + 1, second.CSeq);
        Assert.Equal(stacks.Time.GetUtcNow().AddSeconds(120), second.ExpiresAt);

        await client.StopAsync().WaitAsync(Patience, ct);

        Assert.Equal(SipRegistrationState.Unregistered, client.State);
        Assert.Equal(200, client.LastStatusCode);
        Assert.Empty(await Bindings(stacks, bindings));
    }

    [Fact]
    public async Task A_refresh_after_the_nonce_went_stale_is_challenged_with_stale_and_answered()
    {
        var ct = TestContext.Current.CancellationToken;
        var bindings = new InMemorySipBindingStore();
        await using var stacks = LoopbackStacks.Create(calleeRegistrar: time => Registrar(time, bindings, minExpires: 60));
        await using var client = Client(stacks, SipTransportKind.Udp, "secret", expires: TimeSpan.FromMinutes(10));
        var registered = Next(client, SipRegistrationState.Registered);
        client.Start();
        await registered.WaitAsync(Patience, ct);
        var first = Assert.Single(await Bindings(stacks, bindings));

        // The refresh comes at 570 s, past the 5 minute nonce lifetime.
        var refreshed = Next(client, SipRegistrationState.Registered);
        stacks.Time.Advance(TimeSpan.FromSeconds(570));
        await refreshed.WaitAsync(Patience, ct);

        // Pre-emptive credentials on the stale nonce (401 stale=true), then the answer to the fresh challenge.
        Assert.Equal(first.CSeq + 2, Assert.Single(await Bindings(stacks, bindings)).CSeq);
    }

    [Fact]
    public async Task Wrong_credentials_report_failure_and_retry_later()
    {
        var ct = TestContext.Current.CancellationToken;
        var bindings = new InMemorySipBindingStore();
        await using var stacks = LoopbackStacks.Create(calleeRegistrar: time => Registrar(time, bindings, minExpires: 60));
        await using var client = Client(stacks, SipTransportKind.Udp, "wrong", expires: TimeSpan.FromMinutes(10));
        var failed = Next(client, SipRegistrationState.Failed);

        client.Start();
        await failed.WaitAsync(Patience, ct);

        Assert.Equal(403, client.LastStatusCode);
        Assert.Null(client.ExpiresAt);
        var again = Next(client, SipRegistrationState.Failed);
        stacks.Time.Advance(TimeSpan.FromSeconds(60));
        await again.WaitAsync(Patience, ct);
        Assert.Equal(0, bindings.Count);
    }

    private static Task Next(SipRegistrationClient client, SipRegistrationState state)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(SipRegistrationClient c)
        {
            if (c.State == state)
            {
                c.StateChanged -= OnChanged;
                reached.TrySetResult();
            }
        }
        client.StateChanged += OnChanged;
        return reached.Task;
    }

    private static async Task<IReadOnlyList<SipBinding>> Bindings(LoopbackStacks stacks, InMemorySipBindingStore bindings) =>
        (await bindings.GetAsync(Aor, stacks.Time.GetUtcNow(), TestContext.Current.CancellationToken)).Bindings;

    private static SipRegistrationClient Client(LoopbackStacks stacks, SipTransportKind transport, string password, TimeSpan expires)
    {
        var destination = stacks.Callee.LocalEndPoint(transport);
        var registrar = new SipUri(SipUriScheme.Sip, null, "example.com");
        return new SipRegistrationClient(stacks.Caller.UserAgent, new SipRegistrationClientOptions
        {
            Registrar = transport == SipTransportKind.Udp ? registrar : registrar.WithParameter("transport", transport.ToString().ToLowerInvariant()),
            Destination = destination,
            AddressOfRecord = SipUri.Parse(Aor),
            Password = password,
            Expires = expires,
        }, stacks.Time, NullLogger<SipRegistrationClient>.Instance);
    }

    private static SipRegistrar Registrar(FakeTimeProvider time, ISipBindingStore bindings, int minExpires)
    {
        var credentials = new InMemorySipCredentialStore();
        credentials.Set("cc", "trunk1", SipCredential.FromPassword("secret"));
        var authenticator = new SipDigestAuthenticator(credentials, time, NullLogger<SipDigestAuthenticator>.Instance, new SipAuthenticationOptions { Realm = "cc" });
        return new SipRegistrar(bindings, time, NullLogger<SipRegistrar>.Instance, new SipRegistrarOptions { MinExpires = TimeSpan.FromSeconds(minExpires) }, authenticator);
    }
}
