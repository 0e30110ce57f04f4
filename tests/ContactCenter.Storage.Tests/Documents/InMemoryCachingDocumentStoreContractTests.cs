using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using static ContactCenter.Storage.Tests.Documents.SampleDocuments;

namespace ContactCenter.Storage.Tests.Documents;

/// <summary>The document store contract on a <see cref="CachingDocumentStore"/> over an <see cref="InMemoryDocumentStore"/>,
/// and the cache's trust in its inner store's change feed (<see cref="IDocumentChangeFeed"/>), driven by hand.</summary>
public sealed class InMemoryCachingDocumentStoreContractTests : CachingDocumentStoreContractTests
{
    protected override Task<IDocumentStore> CreateAsync() =>
        Task.FromResult<IDocumentStore>(new CachingDocumentStore(new InMemoryDocumentStore()));

    [Fact]
    public async Task Changes_missed_while_the_feed_was_incomplete_are_not_served_once_it_is_complete_again()
    {
        var feed = new ControlledFeedStore();
        using var store = new CachingDocumentStore(feed);
        var queue = await store.CreateAsync(Queue(), Cancel);
        Equal(queue, await store.GetAsync<Queue>(queue.Id, Cancel));

        // Another process's write whose notification is lost with the listener's connection.
        feed.Muted = true;
        var changed = await feed.Inner.UpdateAsync(queue with { Priority = 7 }, 1, Cancel);
        feed.SetComplete(false);

        Equal(changed, await store.GetAsync<Queue>(queue.Id, Cancel));

        feed.Muted = false;
        feed.SetComplete(true);
        var cached = await store.GetAsync<Queue>(queue.Id, Cancel);
        Equal(changed, cached);
        Assert.Same(cached, await store.GetAsync<Queue>(queue.Id, Cancel));
    }

    [Fact]
    public async Task Nothing_is_cached_over_a_store_that_does_not_promise_complete_changes()
    {
        var feed = new ControlledFeedStore();
        feed.SetComplete(false);
        using var store = new CachingDocumentStore(feed);
        var skill = await store.CreateAsync(Skill(), Cancel);

        var first = await store.GetAsync<Skill>(skill.Id, Cancel);
        feed.Muted = true;
        var changed = await feed.Inner.UpdateAsync(skill with { Name = "Changed" }, 1, Cancel);

        Equal(skill, first);
        Equal(changed, await store.GetAsync<Skill>(skill.Id, Cancel));
    }

    [Fact]
    public async Task Operational_records_and_recordings_are_read_through()
    {
        var feed = new ControlledFeedStore();
        using var store = new CachingDocumentStore(feed);
        var callback = await store.CreateAsync(Callback(), Cancel);
        var audio = await store.CreateAsync(AnnouncementAudio(), Cancel);
        Assert.NotNull(await store.GetAsync<Contracts.Callbacks.CallbackRequest>(callback.Id, Cancel));
        Assert.NotNull(await store.GetAsync<AnnouncementAudio>(audio.Id, Cancel));

        feed.Muted = true;
        Assert.True(await feed.Inner.DeleteAsync<Contracts.Callbacks.CallbackRequest>(callback.Id, 1, Cancel));
        Assert.True(await feed.Inner.DeleteAsync<AnnouncementAudio>(audio.Id, 1, Cancel));

        Assert.Null(await store.GetAsync<Contracts.Callbacks.CallbackRequest>(callback.Id, Cancel));
        Assert.Null(await store.GetAsync<AnnouncementAudio>(audio.Id, Cancel));
    }

    [Fact]
    public async Task A_conflict_drops_the_kind_so_the_writer_reads_the_stored_version()
    {
        var feed = new ControlledFeedStore();
        using var store = new CachingDocumentStore(feed);
        var queue = await store.CreateAsync(Queue(), Cancel);
        Equal(queue, await store.GetAsync<Queue>(queue.Id, Cancel));
        feed.Muted = true;
        var changed = await feed.Inner.UpdateAsync(queue with { Priority = 3 }, 1, Cancel);
        feed.Muted = false;
        Equal(queue, await store.GetAsync<Queue>(queue.Id, Cancel));

        await Assert.ThrowsAsync<DocumentVersionConflictException>(() => store.UpdateAsync(queue with { Priority = 4 }, 1, Cancel));

        Equal(changed, await store.GetAsync<Queue>(queue.Id, Cancel));
    }

    [Fact]
    public async Task Changes_are_relayed_after_the_cache_dropped_what_they_change()
    {
        using var store = new CachingDocumentStore(new InMemoryDocumentStore());
        var skill = await store.CreateAsync(Skill(), Cancel);
        Equal(skill, await store.GetAsync<Skill>(skill.Id, Cancel));
        Task<Skill?>? readInHandler = null;
        store.Changed += (_, change) =>
        {
            if (change.Id == skill.Id && change.Type == DocumentChangeType.Updated)
            {
                readInHandler = store.GetAsync<Skill>(skill.Id, Cancel);
            }
        };

        var updated = await store.UpdateAsync(skill with { Name = "Renamed" }, 1, Cancel);

        Assert.NotNull(readInHandler);
        Equal(updated, await readInHandler);
    }
}
