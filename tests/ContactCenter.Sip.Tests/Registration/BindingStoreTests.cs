using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Registration;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Tests.Registration;

/// <summary>The in-memory binding store's compare-and-swap, and the registrar's atomic updates under concurrency.</summary>
public sealed class BindingStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_write_on_a_stale_version_fails_and_versions_are_never_reused()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new InMemorySipBindingStore();
        var empty = await store.GetAsync("sip:a@x", Now, ct);

        Assert.True(await store.TryReplaceAsync("sip:a@x", empty.Version, [Binding("1")], ct));
        var first = await store.GetAsync("sip:a@x", Now, ct);
        Assert.False(await store.TryReplaceAsync("sip:a@x", empty.Version, [Binding("2")], ct));

        // Emptied and written again: a reader holding the first version must still lose (no ABA).
        Assert.True(await store.TryReplaceAsync("sip:a@x", first.Version, [], ct));
        Assert.True(await store.TryReplaceAsync("sip:a@x", 0, [Binding("3")], ct));
        Assert.False(await store.TryReplaceAsync("sip:a@x", first.Version, [Binding("4")], ct));
        Assert.Equal("sip:3@192.0.2.1", Assert.Single((await store.GetAsync("sip:a@x", Now, ct)).Bindings).Contact.Uri.ToString());
    }

    [Fact]
    public async Task Expired_bindings_are_hidden_then_removed()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new InMemorySipBindingStore();
        await store.TryReplaceAsync("sip:a@x", 0, [Binding("1", seconds: 10), Binding("2", seconds: 100)], ct);

        Assert.Single((await store.GetAsync("sip:a@x", Now.AddSeconds(10), ct)).Bindings);
        Assert.Equal(1, await store.RemoveExpiredAsync(Now.AddSeconds(10), ct));
        Assert.Equal(1, await store.RemoveExpiredAsync(Now.AddSeconds(100), ct));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Concurrent_registers_for_one_aor_all_land()
    {
        var ct = TestContext.Current.CancellationToken;
        using var harness = new RegistrarHarness(authenticate: false, new SipRegistrarOptions { MaxBindingsPerAddressOfRecord = 20 });
        var phone = RegistrarHarness.Phone;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(
            () => harness.Registrar.HandleAsync(RegistrarHarness.Register(callId: $"c{i}", contacts: $"<sip:alice@192.0.2.{i + 1}>"), phone, ct), ct)));

        Assert.All(responses, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(20, harness.Bindings().Count);
    }

    private static SipBinding Binding(string user, int seconds = 60) =>
        new("sip:a@x", new NameAddress(SipUri.Parse($"sip:{user}@192.0.2.1")), "call", 1, Now.AddSeconds(seconds), new SipEndPoint(SipTransportKind.Udp, "192.0.2.1", 5060));
}
