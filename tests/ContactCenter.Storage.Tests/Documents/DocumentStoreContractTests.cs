using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Storage.Documents;
using static ContactCenter.Storage.Tests.Documents.SampleDocuments;

namespace ContactCenter.Storage.Tests.Documents;

/// <summary>The contract of <see cref="IDocumentStore"/>, written once and run per store: every kind round-trips,
/// writes are compare-and-swaps that change nothing when stale, invalid documents are refused with their field errors
/// and never stored, listing is by id, and committed writes (only those) raise <see cref="IDocumentStore.Changed"/>.
/// Tests share a store's database within a class, so each uses fresh ids.</summary>
public abstract partial class DocumentStoreContractTests
{
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A store whose documents no other running test touches.</summary>
    protected abstract Task<IDocumentStore> CreateAsync();

    [Fact]
    public async Task Every_kind_round_trips_at_version_one()
    {
        var store = await CreateAsync();

        await RoundTripAsync(store, Skill() with { Version = 42 }, d => d.Id);
        await RoundTripAsync(store, Queue() with { Version = 42 }, d => d.Id);
        await RoundTripAsync(store, AgentProfile(noAnswerPolicyId: "strict") with { Version = 42 }, d => d.Id);
        await RoundTripAsync(store, PauseCode() with { Version = 42 }, d => d.Id);
        await RoundTripAsync(store, CallCategory() with { Version = 42 }, d => d.Id);
        await RoundTripAsync(store, NoAnswerPolicy() with { Version = 42 }, d => d.Id);
        await RoundTripAsync(store, IvrTree() with { Version = 42 }, d => d.Id);
        await RoundTripAsync(store, Settings() with { Version = 42 }, d => d.Id);
        await RoundTripAsync(store, User() with { Version = 42 }, d => d.Id);
        await RoundTripAsync(store, Trunk() with { Version = 42 }, d => d.Id);
        await RoundTripAsync(store, InboundNumber() with { Version = 42 }, d => d.Id);
        await RoundTripAsync(store, Announcement() with { Version = 42 }, d => d.Id);
        await RoundTripAsync(store, AnnouncementAudio() with { Version = 42 }, d => d.Id);
        await RoundTripAsync(store, Callback() with { Version = 42 }, d => d.Id);
        await RoundTripAsync(store, Voicemail() with { Version = 42 }, d => d.Id);
        await RoundTripAsync(store, AgentProfile() with
        {
            Version = 42,
            SipUsername = "anna",
            SipPasswordMd5Ha1 = new string('a', 32),
            SipPasswordSha256Ha1 = new string('b', 64),
        }, d => d.Id);
    }

    [Fact]
    public async Task A_recording_of_the_largest_size_keeps_its_bytes_and_a_larger_one_is_refused()
    {
        var store = await CreateAsync();
        var audio = AnnouncementAudio(length: Contracts.Configuration.AnnouncementAudio.MaxWavLength);

        await store.CreateAsync(audio, Cancel);
        var stored = await store.GetAsync<AnnouncementAudio>(audio.Id, Cancel);
        var error = await Assert.ThrowsAsync<InvalidDocumentException>(
            () => store.CreateAsync(AnnouncementAudio(length: Contracts.Configuration.AnnouncementAudio.MaxWavLength + 1), Cancel));

        Assert.Equal(audio.Wav, stored!.Wav);
        Assert.Equal(["wav"], error.Errors.Errors.Keys);
    }

    [Fact]
    public async Task Kinds_are_separate_id_spaces()
    {
        var store = await CreateAsync();
        var id = NewId("shared");

        await store.CreateAsync(Skill(id), Cancel);
        await store.CreateAsync(PauseCode(id), Cancel);

        Assert.NotNull(await store.GetAsync<Skill>(id, Cancel));
        Assert.NotNull(await store.GetAsync<PauseCode>(id, Cancel));
        Assert.Null(await store.GetAsync<Queue>(id, Cancel));
    }

    [Fact]
    public async Task Getting_an_unknown_id_returns_null()
    {
        var store = await CreateAsync();

        Assert.Null(await store.GetAsync<Queue>(NewId("missing"), Cancel));
    }

    [Fact]
    public async Task A_type_that_is_not_a_document_kind_is_refused()
    {
        var store = await CreateAsync();

        await Assert.ThrowsAsync<NotSupportedException>(() => store.GetAsync<string>("x", Cancel));
    }

    [Fact]
    public async Task Creating_an_existing_id_is_a_conflict_and_changes_nothing()
    {
        var store = await CreateAsync();
        var first = await store.CreateAsync(Skill(), Cancel);

        var conflict = await Assert.ThrowsAsync<DocumentVersionConflictException>(
            () => store.CreateAsync(first with { Name = "Other" }, Cancel));

        Assert.Equal((DocumentKind.Skill, first.Id, 0L, (long?)1), (conflict.Kind, conflict.Id, conflict.ExpectedVersion, conflict.StoredVersion));
        Equal(first, await store.GetAsync<Skill>(first.Id, Cancel));
    }

    [Fact]
    public async Task An_update_with_the_stored_version_stores_the_next_version()
    {
        var store = await CreateAsync();
        var created = await store.CreateAsync(Queue(), Cancel);

        var updated = await store.UpdateAsync(created with { Name = "Sales 2", Version = 99 }, 1, Cancel);
        var again = await store.UpdateAsync(updated with { Priority = 9 }, 2, Cancel);

        Assert.Equal(2, updated.Version);
        Assert.Equal(3, again.Version);
        Equal(created with { Name = "Sales 2", Priority = 9, Version = 3 }, await store.GetAsync<Queue>(created.Id, Cancel));
    }

    [Fact]
    public async Task A_stale_update_is_a_conflict_carrying_the_stored_version_and_changes_nothing()
    {
        var store = await CreateAsync();
        var created = await store.CreateAsync(AgentProfile(), Cancel);
        var current = await store.UpdateAsync(created with { Name = "Current" }, 1, Cancel);

        var conflict = await Assert.ThrowsAsync<DocumentVersionConflictException>(
            () => store.UpdateAsync(created with { Name = "Stale" }, 1, Cancel));

        Assert.Equal((DocumentKind.AgentProfile, 1L, (long?)2), (conflict.Kind, conflict.ExpectedVersion, conflict.StoredVersion));
        Equal(current, await store.GetAsync<AgentProfile>(created.Id, Cancel));
    }

    [Fact]
    public async Task Updating_a_missing_document_is_a_conflict_without_a_stored_version()
    {
        var store = await CreateAsync();
        var missing = PauseCode();

        var conflict = await Assert.ThrowsAsync<DocumentVersionConflictException>(() => store.UpdateAsync(missing, 1, Cancel));

        Assert.Null(conflict.StoredVersion);
        Assert.Null(await store.GetAsync<PauseCode>(missing.Id, Cancel));
    }

    [Fact]
    public async Task Delete_needs_the_stored_version_and_reports_a_missing_document()
    {
        var store = await CreateAsync();
        var created = await store.CreateAsync(CallCategory(), Cancel);
        await store.UpdateAsync(created, 1, Cancel);

        var conflict = await Assert.ThrowsAsync<DocumentVersionConflictException>(
            () => store.DeleteAsync<CallCategory>(created.Id, 1, Cancel));
        Assert.Equal((long?)2, conflict.StoredVersion);
        Assert.NotNull(await store.GetAsync<CallCategory>(created.Id, Cancel));

        Assert.True(await store.DeleteAsync<CallCategory>(created.Id, 2, Cancel));
        Assert.Null(await store.GetAsync<CallCategory>(created.Id, Cancel));
        Assert.False(await store.DeleteAsync<CallCategory>(created.Id, 2, Cancel));
        Assert.Equal(1, (await store.CreateAsync(created, Cancel)).Version);
    }

    [Fact]
    public async Task An_invalid_document_is_refused_with_its_field_errors_and_not_stored()
    {
        var store = await CreateAsync();
        var invalid = NoAnswerPolicy() with { Name = "", MaxMisses = 0 };

        var error = await Assert.ThrowsAsync<InvalidDocumentException>(() => store.CreateAsync(invalid, Cancel));

        Assert.Equal(DocumentKind.NoAnswerPolicy, error.Kind);
        Assert.True(error.Errors.Has("name"), error.Errors.ToString());
        Assert.True(error.Errors.Has("maxMisses"), error.Errors.ToString());
        Assert.Null(await store.GetAsync<NoAnswerPolicy>(invalid.Id, Cancel));
    }

    [Fact]
    public async Task An_invalid_update_is_refused_and_the_stored_version_stays()
    {
        var store = await CreateAsync();
        var tree = await store.CreateAsync(IvrTree(), Cancel);

        var error = await Assert.ThrowsAsync<InvalidDocumentException>(
            () => store.UpdateAsync(tree with { StartNodeId = "nowhere" }, 1, Cancel));

        Assert.True(error.Errors.Has("startNodeId"), error.Errors.ToString());
        Equal(tree, await store.GetAsync<IvrTree>(tree.Id, Cancel));
    }

    [Fact]
    public async Task Invalid_site_settings_are_refused_with_their_field_errors()
    {
        var store = await CreateAsync();

        var error = await Assert.ThrowsAsync<InvalidDocumentException>(
            () => store.CreateAsync(Settings(noAnswerPolicyId: "not valid!"), Cancel));

        Assert.Equal(["noAnswerPolicyId"], error.Errors.Errors.Keys);
    }

    [Fact]
    public async Task Listing_is_by_id_in_pages()
    {
        var store = await CreateAsync();
        var prefix = NewId("list") + "-";
        foreach (var suffix in new[] { "c", "a", "d", "b", "e" })
        {
            await store.CreateAsync(Skill(prefix + suffix), Cancel);
        }

        var first = await store.ListAsync<Skill>(prefix, 2, Cancel);
        var second = await store.ListAsync<Skill>(first.NextAfterId, 2, Cancel);
        var third = await store.ListAsync<Skill>(second.NextAfterId, 2, Cancel);

        Assert.Equal([prefix + "a", prefix + "b"], first.Items.Select(s => s.Id));
        Assert.Equal([prefix + "c", prefix + "d"], second.Items.Select(s => s.Id));
        Assert.Equal(prefix + "e", third.Items[0].Id);
        Assert.All(third.Items.Skip(1), s => Assert.False(s.Id.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.DoesNotContain((await store.ListAsync<PauseCode>(prefix, 2, Cancel)).Items,
            p => p.Id.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_limit_out_of_range_is_refused()
    {
        var store = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAsync<Skill>(null, 0, Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.ListAsync<Skill>(null, DocumentPage<Skill>.MaxLimit + 1, Cancel));
    }

    private static async Task RoundTripAsync<T>(IDocumentStore store, T document, Func<T, string> id) where T : class
    {
        var created = await store.CreateAsync(document, Cancel);

        var expected = DocumentTypes.For<T>().WithVersion(document, 1);
        Equal(expected, created);
        Equal(expected, await store.GetAsync<T>(id(document), Cancel));
        var listed = await store.ListAsync<T>(id(document)[..^1], 1, Cancel);
        Equal(expected, Assert.Single(listed.Items));
    }
}
