using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Tests.Contacts;
using ContactCenter.Storage.Documents;
using static ContactCenter.Storage.Tests.Documents.SampleDocuments;

namespace ContactCenter.Storage.Tests.Documents;

public abstract partial class DocumentStoreContractTests
{
    [Fact]
    public async Task Committed_writes_raise_changes_before_the_write_returns_and_failed_writes_raise_none()
    {
        var store = await CreateAsync();
        var seen = new List<DocumentChange>();
        var id = NewId("changes");
        store.Changed += Record;
        try
        {
            await store.CreateAsync(PauseCode(id), Cancel);
            Assert.Equal([new DocumentChange(DocumentKind.PauseCode, id, 1, DocumentChangeType.Created)], Mine());
            await Assert.ThrowsAsync<DocumentVersionConflictException>(() => store.CreateAsync(PauseCode(id), Cancel));
            await Assert.ThrowsAsync<DocumentVersionConflictException>(() => store.UpdateAsync(PauseCode(id), 5, Cancel));
            await Assert.ThrowsAsync<InvalidDocumentException>(() => store.UpdateAsync(PauseCode(id) with { Name = "" }, 1, Cancel));
            await store.UpdateAsync(PauseCode(id), 1, Cancel);
            await store.DeleteAsync<PauseCode>(id, 2, Cancel);
            Assert.False(await store.DeleteAsync<PauseCode>(id, 2, Cancel));
        }
        finally
        {
            store.Changed -= Record;
        }

        Assert.Equal(
        [
            new DocumentChange(DocumentKind.PauseCode, id, 1, DocumentChangeType.Created),
            new DocumentChange(DocumentKind.PauseCode, id, 2, DocumentChangeType.Updated),
            new DocumentChange(DocumentKind.PauseCode, id, 2, DocumentChangeType.Deleted),
        ], Mine());

        void Record(object? sender, DocumentChange change)
        {
            lock (seen)
            {
                seen.Add(change);
            }
        }

        DocumentChange[] Mine()
        {
            lock (seen)
            {
                return [.. seen.Where(c => c.Id == id)];
            }
        }
    }

    [Fact]
    public async Task A_throwing_change_handler_neither_fails_the_write_nor_starves_other_handlers()
    {
        var store = await CreateAsync();
        var id = NewId("throwing");
        var reached = 0;
        EventHandler<DocumentChange> throwing = (_, _) => throw new InvalidOperationException("handler bug");
        EventHandler<DocumentChange> counting = (_, change) =>
        {
            if (change.Id == id)
            {
                Interlocked.Increment(ref reached);
            }
        };
        store.Changed += throwing;
        store.Changed += counting;
        try
        {
            await store.CreateAsync(Skill(id), Cancel);
        }
        finally
        {
            store.Changed -= throwing;
            store.Changed -= counting;
        }

        Assert.Equal(1, reached);
        Assert.NotNull(await store.GetAsync<Skill>(id, Cancel));
    }

    [Fact]
    public async Task Concurrent_updates_from_one_version_have_exactly_one_winner()
    {
        var store = await CreateAsync();
        var queue = await store.CreateAsync(Queue(), Cancel);

        var results = await AllAtOnce.RunAsync(8, i => store.UpdateAsync(queue with { Priority = i + 10 }, 1, Cancel), Cancel);

        var winner = Assert.Single(results, r => r.Error is null).Result!;
        Assert.All(results.Where(r => r.Error is not null),
            r => Assert.Equal((long?)2, Assert.IsType<DocumentVersionConflictException>(r.Error).StoredVersion));
        Assert.Equal(2, winner.Version);
        Equal(winner, await store.GetAsync<Queue>(queue.Id, Cancel));
    }

    [Fact]
    public async Task Concurrent_creates_of_one_id_have_exactly_one_winner()
    {
        var store = await CreateAsync();
        var id = NewId("race");

        var results = await AllAtOnce.RunAsync(8, i => store.CreateAsync(Skill(id) with { Name = $"Skill {i}" }, Cancel), Cancel);

        var winner = Assert.Single(results, r => r.Error is null).Result!;
        Assert.All(results.Where(r => r.Error is not null), r => Assert.IsType<DocumentVersionConflictException>(r.Error));
        Equal(winner, await store.GetAsync<Skill>(id, Cancel));
    }

    [Fact]
    public async Task The_configuration_source_reads_queues_profiles_pause_codes_and_ivr_trees_as_stored_without_sip_secrets()
    {
        var store = await CreateAsync();
        var source = new StoreConfigurationSource(store);
        var queue = await store.CreateAsync(Queue(), Cancel);
        var profile = await store.CreateAsync(AgentProfile() with
        {
            SipUsername = "anna", SipPasswordMd5Ha1 = new string('a', 32), SipPasswordSha256Ha1 = new string('b', 64),
        }, Cancel);
        var pause = await store.CreateAsync(PauseCode(), Cancel);
        var tree = await store.CreateAsync(IvrTree(), Cancel);

        Equal(queue, await source.GetQueueAsync(queue.Id, Cancel));
        Equal(tree, await source.GetIvrTreeAsync(tree.Id, Cancel));
        // Grains journal the profile they apply: they never get the SIP password hashes.
        Equal(profile with { SipPasswordMd5Ha1 = null, SipPasswordSha256Ha1 = null }, await source.GetAgentProfileAsync(profile.Id, Cancel));
        Equal(pause, await source.GetPauseCodeAsync(pause.Id, Cancel));
        Assert.Null(await source.GetQueueAsync(NewId("missing"), Cancel));

        var changed = await store.UpdateAsync(queue with { RingTimeout = TimeSpan.FromSeconds(40) }, 1, Cancel);
        Equal(changed, await source.GetQueueAsync(queue.Id, Cancel));
    }

    [Fact]
    public async Task The_no_answer_policy_is_the_profiles_else_the_site_default()
    {
        var store = await CreateAsync();
        IAgentConfigurationSource source = new StoreConfigurationSource(store);
        var own = await store.CreateAsync(NoAnswerPolicy(maxMisses: 2), Cancel);
        var fallback = await store.CreateAsync(NoAnswerPolicy(maxMisses: 5), Cancel);
        var withOwn = await store.CreateAsync(AgentProfile(noAnswerPolicyId: own.Id), Cancel);
        var withNone = await store.CreateAsync(AgentProfile(), Cancel);
        var dangling = await store.CreateAsync(AgentProfile(noAnswerPolicyId: NewId("gone")), Cancel);
        var noProfile = NewId("agent");

        await PutSiteDefaultAsync(store, null);
        Equal(own, await source.GetNoAnswerPolicyAsync(withOwn.Id, Cancel));
        Assert.Null(await source.GetNoAnswerPolicyAsync(withNone.Id, Cancel));
        Assert.Null(await source.GetNoAnswerPolicyAsync(dangling.Id, Cancel));

        await PutSiteDefaultAsync(store, fallback.Id);
        Equal(own, await source.GetNoAnswerPolicyAsync(withOwn.Id, Cancel));
        Equal(fallback, await source.GetNoAnswerPolicyAsync(withNone.Id, Cancel));
        Equal(fallback, await source.GetNoAnswerPolicyAsync(dangling.Id, Cancel));
        Equal(fallback, await source.GetNoAnswerPolicyAsync(noProfile, Cancel));

        await PutSiteDefaultAsync(store, NewId("gone"));
        Assert.Null(await source.GetNoAnswerPolicyAsync(withNone.Id, Cancel));

        await store.DeleteAsync<NoAnswerPolicy>(own.Id, 1, Cancel);
        await PutSiteDefaultAsync(store, fallback.Id);
        Equal(fallback, await source.GetNoAnswerPolicyAsync(withOwn.Id, Cancel));
    }

    // The site settings are one document per database, shared by the tests of a class (which run one at a time).
    private static async Task PutSiteDefaultAsync(IDocumentStore store, string? policyId)
    {
        var settings = new SiteSettings { NoAnswerPolicyId = policyId };
        if (await store.GetAsync<SiteSettings>(SiteSettings.SiteId, Cancel) is { } stored)
        {
            await store.UpdateAsync(settings, stored.Version, Cancel);
        }
        else
        {
            await store.CreateAsync(settings, Cancel);
        }
    }
}
