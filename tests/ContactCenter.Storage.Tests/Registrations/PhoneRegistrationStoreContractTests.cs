using ContactCenter.Storage.Registrations;
using ContactCenter.TestSupport;

namespace ContactCenter.Storage.Tests.Registrations;

/// <summary>The contract of <see cref="IPhoneRegistrationStore"/>, written once and run per store: bindings round-trip
/// whole and in order, every write is a compare-and-swap on a version never reused, concurrent writers of one version
/// see exactly one winner, expired bindings are neither read nor found and a purge removes them, and the lookup by SIP
/// user picks the binding expiring last over all of the user's addresses-of-record. Every test starts from an empty
/// store; time is a fake clock passed as <c>now</c>.</summary>
public abstract class PhoneRegistrationStoreContractTests
{
    private const string Aor = "sip:agent1@contact.center";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>An empty store that no other running test touches.</summary>
    protected abstract Task<IPhoneRegistrationStore> CreateAsync();

    private static PhoneBinding Binding(string contactUser, int expiresIn, string aor = Aor, long cseq = 1, PhoneBindingSource? source = null) =>
        new(aor, $"<sip:{contactUser}@192.0.2.10:5070>", $"call-{contactUser}", cseq, Start.AddSeconds(expiresIn),
            source ?? new PhoneBindingSource("udp", "192.0.2.10", 5070));

    private static void AssertRegistration(PhoneRegistration expected, PhoneRegistration actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Bindings, actual.Bindings);
    }

    [Fact]
    public async Task Nothing_stored_reads_as_version_0_without_bindings()
    {
        var store = await CreateAsync();

        var read = await store.GetAsync(Aor, Start, Cancel);

        Assert.Equal(0, read.Version);
        Assert.Empty(read.Bindings);
        Assert.Null(await store.FindLatestAsync("agent1", Start, Cancel));
    }

    [Fact]
    public async Task Bindings_round_trip_whole_and_in_the_order_written()
    {
        var store = await CreateAsync();
        PhoneBinding[] bindings =
        [
            Binding("desk", 300, cseq: 7) with { Contact = "\"Desk \\\"1\\\"\" <sip:desk@192.0.2.10:5070;transport=tcp>;+sip.instance=\"<urn:uuid:00000000-0000-0000-0000-000000000001>\"" },
            Binding("soft", 3600, source: new PhoneBindingSource("tls", "[2001:db8::1]", 5061)) with { ExpiresAt = Start.AddSeconds(3600).AddTicks(1234567) },
            Binding("mobile", 60) with { Source = null, CallId = "a84b4c76e66710@pc33.atlanta.com" },
        ];

        Assert.True(await store.TryReplaceAsync(Aor, "agent1", 0, bindings, Cancel));
        var read = await store.GetAsync(Aor, Start, Cancel);

        Assert.True(read.Version > 0, $"version {read.Version}");
        Assert.Equal(bindings, read.Bindings);
    }

    [Fact]
    public async Task A_write_with_a_stale_version_changes_nothing()
    {
        var store = await CreateAsync();
        Assert.True(await store.TryReplaceAsync(Aor, "agent1", 0, [Binding("desk", 300)], Cancel));
        var first = await store.GetAsync(Aor, Start, Cancel);
        Assert.True(await store.TryReplaceAsync(Aor, "agent1", first.Version, [Binding("desk", 600, cseq: 2)], Cancel));
        var second = await store.GetAsync(Aor, Start, Cancel);

        Assert.False(await store.TryReplaceAsync(Aor, "agent1", 0, [Binding("stale-insert", 300)], Cancel));
        Assert.False(await store.TryReplaceAsync(Aor, "agent1", first.Version, [Binding("stale-update", 300)], Cancel));
        Assert.False(await store.TryReplaceAsync(Aor, "agent1", first.Version, [], Cancel));
        Assert.False(await store.TryReplaceAsync(Aor, "agent1", second.Version + 1000, [Binding("made-up", 300)], Cancel));

        Assert.NotEqual(first.Version, second.Version);
        AssertRegistration(second, await store.GetAsync(Aor, Start, Cancel));
    }

    [Fact]
    public async Task An_empty_list_removes_the_record_and_a_record_written_again_never_reuses_a_version()
    {
        var store = await CreateAsync();
        Assert.True(await store.TryReplaceAsync(Aor, "agent1", 0, [Binding("desk", 300)], Cancel));
        var first = await store.GetAsync(Aor, Start, Cancel);

        Assert.True(await store.TryReplaceAsync(Aor, "agent1", first.Version, [], Cancel));
        AssertRegistration(PhoneRegistration.None, await store.GetAsync(Aor, Start, Cancel));
        Assert.Null(await store.FindLatestAsync("agent1", Start, Cancel));
        Assert.True(await store.TryReplaceAsync(Aor, "agent1", 0, [], Cancel)); // nothing for nothing: still version 0
        Assert.True(await store.TryReplaceAsync(Aor, "agent1", 0, [Binding("desk", 300, cseq: 2)], Cancel));
        var again = await store.GetAsync(Aor, Start, Cancel);

        Assert.NotEqual(first.Version, again.Version);
        Assert.False(await store.TryReplaceAsync(Aor, "agent1", first.Version, [Binding("stale", 300)], Cancel));
    }

    [Fact]
    public async Task Of_concurrent_writers_of_one_version_exactly_one_wins()
    {
        var store = await CreateAsync();
        Assert.True(await store.TryReplaceAsync(Aor, "agent1", 0, [Binding("desk", 300)], Cancel));
        var read = await store.GetAsync(Aor, Start, Cancel);

        var inserts = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => store.TryReplaceAsync("sip:race@contact.center", "race", 0, [Binding($"w{i}", 300, "sip:race@contact.center")], Cancel), Cancel)));
        var updates = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => store.TryReplaceAsync(Aor, "agent1", read.Version, [Binding($"w{i}", 300, cseq: 2)], Cancel), Cancel)));

        Assert.Single(inserts, won => won);
        Assert.Single(updates, won => won);
        var winner = Array.IndexOf(updates, true);
        Assert.Equal([Binding($"w{winner}", 300, cseq: 2)], (await store.GetAsync(Aor, Start, Cancel)).Bindings);
        Assert.Single((await store.GetAsync("sip:race@contact.center", Start, Cancel)).Bindings);
    }

    [Fact]
    public async Task Writers_that_read_again_after_losing_lose_no_update()
    {
        var store = await CreateAsync();

        // What the registrar does with concurrent REGISTERs of one address-of-record: read, add, compare-and-swap, and
        // read again on a loss.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            while (true)
            {
                var current = await store.GetAsync(Aor, Start, Cancel);
                if (await store.TryReplaceAsync(Aor, "agent1", current.Version, [.. current.Bindings, Binding($"phone{i}", 300 + i)], Cancel))
                {
                    return;
                }
            }
        }, Cancel)));

        var stored = (await store.GetAsync(Aor, Start, Cancel)).Bindings;
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"call-phone{i}").Order(StringComparer.Ordinal), stored.Select(b => b.CallId).Order(StringComparer.Ordinal));
        Assert.Equal(Binding("phone11", 311), await store.FindLatestAsync("agent1", Start, Cancel));
    }

    [Fact]
    public async Task Expired_bindings_are_not_read_nor_found_and_the_record_keeps_its_version_until_purged()
    {
        var store = await CreateAsync();
        var clock = new FakeTimeProvider(Start);
        Assert.True(await store.TryReplaceAsync(Aor, "agent1", 0, [Binding("brief", 60), Binding("long", 300)], Cancel));
        var written = await store.GetAsync(Aor, clock.GetUtcNow(), Cancel);

        clock.Advance(TimeSpan.FromSeconds(60));
        var atFirstExpiry = await store.GetAsync(Aor, clock.GetUtcNow(), Cancel);
        clock.Advance(TimeSpan.FromSeconds(240));
        var atLastExpiry = await store.GetAsync(Aor, clock.GetUtcNow(), Cancel);

        Assert.Equal([Binding("long", 300)], atFirstExpiry.Bindings); // a binding lapses at its expiry, not after
        Assert.Empty(atLastExpiry.Bindings);
        Assert.Equal(written.Version, atLastExpiry.Version);
        Assert.Null(await store.FindLatestAsync("agent1", clock.GetUtcNow(), Cancel));
        Assert.True(await store.TryReplaceAsync(Aor, "agent1", atLastExpiry.Version, [Binding("again", 600, cseq: 2)], Cancel));
    }

    [Fact]
    public async Task A_purge_removes_what_expired_keeps_what_lives_and_changes_the_versions_it_touches()
    {
        var store = await CreateAsync();
        var clock = new FakeTimeProvider(Start);
        const string Other = "sip:agent2@contact.center";
        const string Untouched = "sip:agent3@contact.center";
        Assert.True(await store.TryReplaceAsync(Aor, "agent1", 0, [Binding("brief", 60), Binding("long", 300), Binding("briefer", 30)], Cancel));
        Assert.True(await store.TryReplaceAsync(Other, "agent2", 0, [Binding("a", 30, Other), Binding("b", 60, Other)], Cancel));
        Assert.True(await store.TryReplaceAsync(Untouched, "agent3", 0, [Binding("c", 600, Untouched)], Cancel));
        var before = await store.GetAsync(Aor, clock.GetUtcNow(), Cancel);
        var untouched = await store.GetAsync(Untouched, clock.GetUtcNow(), Cancel);

        Assert.Equal(0, await store.RemoveExpiredAsync(clock.GetUtcNow(), Cancel));
        clock.Advance(TimeSpan.FromSeconds(60));
        var removed = await store.RemoveExpiredAsync(clock.GetUtcNow(), Cancel);

        Assert.Equal(4, removed);
        var after = await store.GetAsync(Aor, clock.GetUtcNow(), Cancel);
        Assert.Equal([Binding("long", 300)], after.Bindings);
        Assert.NotEqual(before.Version, after.Version);
        Assert.False(await store.TryReplaceAsync(Aor, "agent1", before.Version, [Binding("stale", 900)], Cancel));
        AssertRegistration(PhoneRegistration.None, await store.GetAsync(Other, clock.GetUtcNow(), Cancel));
        AssertRegistration(untouched, await store.GetAsync(Untouched, clock.GetUtcNow(), Cancel));
        Assert.Equal(0, await store.RemoveExpiredAsync(clock.GetUtcNow(), Cancel));

        clock.Advance(TimeSpan.FromSeconds(240));
        Assert.Equal(1, await store.RemoveExpiredAsync(clock.GetUtcNow(), Cancel));
        AssertRegistration(PhoneRegistration.None, await store.GetAsync(Aor, clock.GetUtcNow(), Cancel));
    }

    [Fact]
    public async Task A_purge_leaves_alone_a_record_rewritten_with_later_expiries()
    {
        var store = await CreateAsync();
        Assert.True(await store.TryReplaceAsync(Aor, "agent1", 0, [Binding("desk", 60)], Cancel));
        var first = await store.GetAsync(Aor, Start, Cancel);
        Assert.True(await store.TryReplaceAsync(Aor, "agent1", first.Version, [Binding("desk", 600, cseq: 2)], Cancel));
        var refreshed = await store.GetAsync(Aor, Start, Cancel);

        Assert.Equal(0, await store.RemoveExpiredAsync(Start.AddSeconds(120), Cancel));
        AssertRegistration(refreshed, await store.GetAsync(Aor, Start.AddSeconds(120), Cancel));
    }

    [Fact]
    public async Task The_lookup_by_user_picks_the_live_binding_expiring_last_over_the_user_s_addresses_of_record()
    {
        var store = await CreateAsync();
        const string FrontEndA = "sip:agent1@127.0.0.1:5060";
        const string FrontEndB = "sip:agent1@127.0.0.1:5062";
        Assert.True(await store.TryReplaceAsync(FrontEndA, "agent1", 0, [Binding("a-long", 600, FrontEndA), Binding("a-short", 60, FrontEndA)], Cancel));
        Assert.True(await store.TryReplaceAsync(FrontEndB, "agent1", 0, [Binding("b", 300, FrontEndB)], Cancel));
        Assert.True(await store.TryReplaceAsync("sip:agent10@127.0.0.1:5060", "agent10", 0, [Binding("other-user", 900, "sip:agent10@127.0.0.1:5060")], Cancel));

        Assert.Equal(Binding("a-long", 600, FrontEndA), await store.FindLatestAsync("agent1", Start, Cancel));
        Assert.Null(await store.FindLatestAsync("agent", Start, Cancel));
        Assert.Null(await store.FindLatestAsync("AGENT1", Start, Cancel));

        var a = await store.GetAsync(FrontEndA, Start, Cancel);
        Assert.True(await store.TryReplaceAsync(FrontEndA, "agent1", a.Version, [], Cancel)); // un-registered at A
        Assert.Equal(Binding("b", 300, FrontEndB), await store.FindLatestAsync("agent1", Start, Cancel));
        Assert.Null(await store.FindLatestAsync("agent1", Start.AddSeconds(300), Cancel));
    }

    [Fact]
    public async Task A_record_rewritten_for_another_user_is_found_by_that_user_only()
    {
        var store = await CreateAsync();
        Assert.True(await store.TryReplaceAsync(Aor, "agent1", 0, [Binding("desk", 300)], Cancel));
        var read = await store.GetAsync(Aor, Start, Cancel);

        Assert.True(await store.TryReplaceAsync(Aor, "renamed", read.Version, [Binding("desk", 300, cseq: 2)], Cancel));

        Assert.Null(await store.FindLatestAsync("agent1", Start, Cancel));
        Assert.Equal(Binding("desk", 300, cseq: 2), await store.FindLatestAsync("renamed", Start, Cancel));
    }

    [Fact]
    public async Task A_binding_of_another_address_of_record_is_refused()
    {
        var store = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.TryReplaceAsync(Aor, "agent1", 0, [Binding("desk", 300), Binding("elsewhere", 300, "sip:agent2@contact.center")], Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => store.TryReplaceAsync(Aor, "", 0, [Binding("desk", 300)], Cancel));

        AssertRegistration(PhoneRegistration.None, await store.GetAsync(Aor, Start, Cancel));
    }
}
