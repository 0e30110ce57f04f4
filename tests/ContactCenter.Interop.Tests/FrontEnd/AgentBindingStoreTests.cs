using ContactCenter.Host.Telephony;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Registration;
using ContactCenter.Sip.Transactions;
using ContactCenter.Storage.Registrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>The front end's <see cref="AgentBindingStore"/> over the site's registration store: bindings convert to the
/// store's neutral records and back unchanged, two front ends over one store see each other's phones, and a stored
/// binding that does not parse is skipped instead of breaking the lookups.</summary>
public sealed class AgentBindingStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static AgentBindingStore FrontEnd(IPhoneRegistrationStore store) => new(store, NullLogger<AgentBindingStore>.Instance);

    private static SipBinding Binding(string aor, string contact, int seconds, SipEndPoint? source) =>
        new(aor, NameAddress.Parse(contact), $"call-{seconds}", seconds, Now.AddSeconds(seconds), source);

    private static string Text(SipBinding binding) =>
        $"{binding.AddressOfRecord}|{binding.Contact}|{binding.CallId}|{binding.CSeq}|{binding.ExpiresAt:O}|{binding.Source}";

    [Fact]
    public async Task Bindings_come_back_from_the_store_as_they_were_written()
    {
        var bindings = FrontEnd(new InMemoryPhoneRegistrationStore());
        const string Aor = "sip:agent1@127.0.0.1:5060";
        SipBinding[] written =
        [
            Binding(Aor, "\"Desk\" <sip:agent1@192.0.2.10:5070;transport=tcp>;+sip.instance=\"<urn:uuid:1>\"", 300, new SipEndPoint(SipTransportKind.Tcp, "192.0.2.10", 40123)),
            Binding(Aor, "<sip:agent1@[2001:db8::1]:5061;transport=tls>", 600, new SipEndPoint(SipTransportKind.Tls, "[2001:db8::1]", 5061)),
            Binding(Aor, "<sip:agent1@192.0.2.11>", 60, null),
        ];

        Assert.True(await bindings.TryReplaceAsync(Aor, 0, written, Cancel));
        var read = await bindings.GetAsync(Aor, Now, Cancel);

        Assert.Equal(written.Select(Text), read.Bindings.Select(Text));
        Assert.Equal(Text(written[1]), Text((await bindings.FindLatestAsync("agent1", Now, Cancel))!));
    }

    [Fact]
    public async Task A_phone_registered_through_one_front_end_is_found_by_another_sharing_the_store()
    {
        var store = new InMemoryPhoneRegistrationStore();
        var (a, b) = (FrontEnd(store), FrontEnd(store));
        var phone = new SipEndPoint(SipTransportKind.Udp, "127.0.0.1", 44999);

        Assert.True(await a.TryReplaceAsync("sip:agent1@127.0.0.1:5060", 0, [Binding("sip:agent1@127.0.0.1:5060", "<sip:agent1@127.0.0.1:44999>", 300, phone)], Cancel));

        Assert.Equal(phone, (await b.FindLatestAsync("agent1", Now, Cancel))?.Source);
        Assert.Null(await b.FindLatestAsync("agent1", Now.AddSeconds(300), Cancel));
        var read = await b.GetAsync("sip:agent1@127.0.0.1:5060", Now, Cancel);
        Assert.False(await b.TryReplaceAsync("sip:agent1@127.0.0.1:5060", 0, [], Cancel)); // a's write came first
        Assert.True(await b.TryReplaceAsync("sip:agent1@127.0.0.1:5060", read.Version, [], Cancel)); // un-registered through b
        Assert.Null(await a.FindLatestAsync("agent1", Now, Cancel));
    }

    [Fact]
    public async Task A_stored_binding_that_does_not_parse_is_skipped()
    {
        var store = new InMemoryPhoneRegistrationStore();
        const string Aor = "sip:agent1@127.0.0.1:5060";
        PhoneBinding[] stored =
        [
            new(Aor, "not a name-address <", "c1", 1, Now.AddSeconds(900), null),
            new(Aor, "<sip:agent1@192.0.2.12>", "c2", 1, Now.AddSeconds(800), new PhoneBindingSource("carrier-pigeon", "192.0.2.12", 5060)),
            new(Aor, "<sip:agent1@192.0.2.13>", "c3", 1, Now.AddSeconds(300), new PhoneBindingSource("udp", "192.0.2.13", 5060)),
        ];
        Assert.True(await store.TryReplaceAsync(Aor, "agent1", 0, stored, Cancel));

        var read = await FrontEnd(store).GetAsync(Aor, Now, Cancel);

        Assert.Equal(["c3"], read.Bindings.Select(b => b.CallId));
    }

    [Fact]
    public async Task An_address_of_record_without_a_user_is_refused()
    {
        var bindings = FrontEnd(new InMemoryPhoneRegistrationStore());

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await bindings.TryReplaceAsync("sip:127.0.0.1:5060", 0, [Binding("sip:127.0.0.1:5060", "<sip:192.0.2.1>", 60, null)], Cancel));
    }
}
