using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using static ContactCenter.Storage.Tests.Documents.SampleDocuments;

namespace ContactCenter.Storage.Tests.Documents;

/// <summary>The document store contract on a <see cref="CachingDocumentStore"/>, and what the cache adds: a kind is read
/// from the store once and then answered from memory (the same instances), and the process's own writes are read
/// back at once.</summary>
public abstract class CachingDocumentStoreContractTests : DocumentStoreContractTests
{
    [Fact]
    public async Task A_cached_kind_hands_out_the_same_instances_until_it_changes()
    {
        var store = await CreateAsync();
        var queue = await store.CreateAsync(Queue(), Cancel);

        var first = await store.GetAsync<Queue>(queue.Id, Cancel);
        var again = await store.GetAsync<Queue>(queue.Id, Cancel);
        var listed = await ListedAsync(store, (Queue q) => q.Id == queue.Id);

        Equal(queue, first);
        Assert.Same(first, again);
        Assert.Same(first, listed);
    }

    [Fact]
    public async Task The_process_reads_its_own_writes_at_once()
    {
        var store = await CreateAsync();
        var created = await store.CreateAsync(Trunk(), Cancel);
        Equal(created, await store.GetAsync<Trunk>(created.Id, Cancel));
        Equal(created, await ListedAsync(store, (Trunk t) => t.Id == created.Id));

        var updated = await store.UpdateAsync(created with { Name = "Renamed" }, 1, Cancel);

        Equal(updated, await store.GetAsync<Trunk>(created.Id, Cancel));
        Equal(updated, await ListedAsync(store, (Trunk t) => t.Id == created.Id));
        var missing = InboundNumber().Id;
        Assert.Null(await store.GetAsync<InboundNumber>(missing, Cancel));
        var number = await store.CreateAsync(InboundNumber(missing), Cancel);
        Equal(number, await store.GetAsync<InboundNumber>(missing, Cancel));
    }

    [Fact]
    public async Task A_delete_is_read_back_at_once()
    {
        var store = await CreateAsync();
        var skill = await store.CreateAsync(Skill(), Cancel);
        Equal(skill, await store.GetAsync<Skill>(skill.Id, Cancel));

        Assert.True(await store.DeleteAsync<Skill>(skill.Id, 1, Cancel));

        Assert.Null(await store.GetAsync<Skill>(skill.Id, Cancel));
        Assert.Null(await ListedAsync(store, (Skill s) => s.Id == skill.Id));
    }

    [Fact]
    public async Task Concurrent_first_reads_of_a_kind_agree()
    {
        var store = await CreateAsync();
        var policy = await store.CreateAsync(NoAnswerPolicy(), Cancel);
        using var fresh = new CachingDocumentStore(((CachingDocumentStore)store).Inner);

        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fresh.GetAsync<NoAnswerPolicy>(policy.Id, Cancel)));

        Assert.All(reads, read => Equal(policy, read));
    }

    /// <summary>The document that <paramref name="match"/> finds by reading the whole kind, or null.</summary>
    protected static async Task<T?> ListedAsync<T>(IDocumentStore store, Func<T, bool> match) where T : class
    {
        await foreach (var document in store.ReadAllAsync<T>(Cancel))
        {
            if (match(document))
            {
                return document;
            }
        }
        return null;
    }
}
