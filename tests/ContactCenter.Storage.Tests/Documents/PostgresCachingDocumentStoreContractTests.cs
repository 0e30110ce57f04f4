using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using ContactCenter.Storage.Tests.Contacts;
using ContactCenter.TestSupport;
using Npgsql;
using static ContactCenter.Storage.Tests.Documents.SampleDocuments;

namespace ContactCenter.Storage.Tests.Documents;

/// <summary>The document store contract on a <see cref="CachingDocumentStore"/> over a <see cref="PostgresDocumentStore"/>
/// whose <see cref="PostgresDocumentChangeListener"/> is listening (so the cache is in use), and the cache kept fresh
/// across processes: another store's writes on the same database reach it through LISTEN/NOTIFY, and a lost listening
/// connection empties it.</summary>
public sealed class PostgresCachingDocumentStoreContractTests(PostgresStorageFixture fixture)
    : CachingDocumentStoreContractTests, IClassFixture<PostgresStorageFixture>, IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly List<PostgresDocumentChangeListener> _listeners = [];

    protected override async Task<IDocumentStore> CreateAsync() =>
        await ListeningAsync(fixture.Require().DataSource, TimeProvider.System);

    [Fact]
    public async Task A_write_by_another_store_on_the_database_reaches_the_cache()
    {
        var dataSource = fixture.Require().DataSource;
        var cache = await ListeningAsync(dataSource, TimeProvider.System);
        var other = new PostgresDocumentStore(dataSource, TimeProvider.System);
        var queue = await CreateHeardAsync(cache, other, Queue(), q => q.Id);
        var cached = await cache.GetAsync<Queue>(queue.Id, Cancel);
        Assert.Same(cached, await cache.GetAsync<Queue>(queue.Id, Cancel));

        var changed = await other.UpdateAsync(queue with { Priority = 8 }, 1, Cancel);

        await Eventually.TrueAsync(async () => (await cache.GetAsync<Queue>(queue.Id, Cancel))?.Version == 2, Wait,
            $"the cache read queue {queue.Id} at version 2 written by another store");
        Equal(changed, await cache.GetAsync<Queue>(queue.Id, Cancel));
    }

    [Fact]
    public async Task A_document_created_by_another_store_is_found_after_a_miss_was_cached()
    {
        var dataSource = fixture.Require().DataSource;
        var cache = await ListeningAsync(dataSource, TimeProvider.System);
        var other = new PostgresDocumentStore(dataSource, TimeProvider.System);
        var id = InboundNumber().Id;
        Assert.Null(await cache.GetAsync<InboundNumber>(id, Cancel));

        var number = await other.CreateAsync(InboundNumber(id), Cancel);

        await Eventually.TrueAsync(async () => await cache.GetAsync<InboundNumber>(id, Cancel) is not null, Wait,
            $"the cache found number {id} created by another store");
        Equal(number, await cache.GetAsync<InboundNumber>(id, Cancel));
    }

    [Fact]
    public async Task A_delete_by_another_store_reaches_the_cache()
    {
        var dataSource = fixture.Require().DataSource;
        var cache = await ListeningAsync(dataSource, TimeProvider.System);
        var other = new PostgresDocumentStore(dataSource, TimeProvider.System);
        var trunk = await CreateHeardAsync(cache, other, Trunk(), t => t.Id);
        Equal(trunk, await ListedAsync(cache, (Trunk t) => t.Id == trunk.Id));

        Assert.True(await other.DeleteAsync<Trunk>(trunk.Id, 1, Cancel));

        await Eventually.TrueAsync(async () => await ListedAsync(cache, (Trunk t) => t.Id == trunk.Id) is null, Wait,
            $"the cache's trunk list lost trunk {trunk.Id} deleted by another store");
        Assert.Null(await cache.GetAsync<Trunk>(trunk.Id, Cancel));
    }

    [Fact]
    public async Task A_lost_listening_connection_empties_the_cache_and_it_fills_again_once_listening()
    {
        var database = fixture.Require();
        var application = $"doc-cache-{Guid.NewGuid():N}";
        await using var listenerSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = application }.ConnectionString);
        // Fake time holds the listener in its retry delay until the test moves the clock.
        var time = new FakeTimeProvider();
        // The store reads on the test's data source: only the listening connection carries the application name.
        var reader = new PostgresDocumentStore(database.DataSource, TimeProvider.System);
        var listener = Listener(listenerSource, reader, time);
        using var cache = new CachingDocumentStore(reader);
        await listener.StartAsync(Cancel);
        try
        {
            await listener.Listening.WaitAsync(Wait, Cancel);
            var writer = new PostgresDocumentStore(database.DataSource, TimeProvider.System);
            var skill = await CreateHeardAsync(cache, writer, Skill(), s => s.Id);
            var cached = await cache.GetAsync<Skill>(skill.Id, Cancel);
            Assert.Same(cached, await cache.GetAsync<Skill>(skill.Id, Cancel));

            await using (var kill = database.DataSource.CreateCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1"))
            {
                kill.Parameters.AddWithValue(application);
                Assert.Equal(1L, await kill.ExecuteScalarAsync(Cancel));
            }
            await Eventually.TrueAsync(() => !reader.IsComplete, Wait, "the store's feed is incomplete once LISTEN is lost");
            // Committed while nobody listens: its notification is lost for good.
            var changed = await writer.UpdateAsync(skill with { Name = "Changed unheard" }, 1, Cancel);

            Equal(changed, await cache.GetAsync<Skill>(skill.Id, Cancel));

            await Eventually.TrueAsync(() =>
            {
                time.Advance(PostgresDocumentChangeListener.RetryDelay);
                return reader.IsComplete;
            }, Wait, "the listener reopened its connection after its retry delay");
            var refilled = await cache.GetAsync<Skill>(skill.Id, Cancel);
            Equal(changed, refilled);
            Assert.Same(refilled, await cache.GetAsync<Skill>(skill.Id, Cancel));
            Assert.Equal(2, listener.Connections);
        }
        finally
        {
            // Before its data source goes.
            await listener.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var listener in _listeners)
        {
            await listener.StopAsync(CancellationToken.None);
            listener.Dispose();
        }
    }

    /// <summary>Creates <paramref name="document"/> through <paramref name="writer"/> and waits until
    /// <paramref name="cache"/> heard it, so a read after this caches it for good (a read before its notification
    /// arrives is dropped by the notification).</summary>
    private static async Task<T> CreateHeardAsync<T>(IDocumentStore cache, IDocumentStore writer, T document, Func<T, string> id)
        where T : class
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<DocumentChange> onChanged = (_, change) =>
        {
            if (change.Id == id(document))
            {
                heard.TrySetResult();
            }
        };
        cache.Changed += onChanged;
        try
        {
            var created = await writer.CreateAsync(document, Cancel);
            await heard.Task.WaitAsync(Wait, Cancel);
            return created;
        }
        finally
        {
            cache.Changed -= onChanged;
        }
    }

    private async Task<CachingDocumentStore> ListeningAsync(NpgsqlDataSource dataSource, TimeProvider time)
    {
        var store = new PostgresDocumentStore(dataSource, time);
        var listener = Listener(dataSource, store, time);
        await listener.StartAsync(Cancel);
        await listener.Listening.WaitAsync(Wait, Cancel);
        Assert.True(store.IsComplete, "the store's feed is complete once its listener listens");
        return new CachingDocumentStore(store);
    }

    private PostgresDocumentChangeListener Listener(NpgsqlDataSource dataSource, PostgresDocumentStore store, TimeProvider time)
    {
        var listener = new PostgresDocumentChangeListener(dataSource, store, time);
        _listeners.Add(listener);
        return listener;
    }
}
