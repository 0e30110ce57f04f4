using System.Collections.Concurrent;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Tests.Contacts;
using ContactCenter.Storage.Documents;
using ContactCenter.TestSupport;
using Npgsql;
using static ContactCenter.Storage.Tests.Documents.SampleDocuments;

namespace ContactCenter.Storage.Tests.Documents;

/// <summary>The document store contract on <see cref="PostgresDocumentStore"/> over a real PostgreSQL, and the relay of
/// one store's writes to another store on the same database through LISTEN/NOTIFY.</summary>
public sealed class PostgresDocumentStoreContractTests(PostgresStorageFixture fixture)
    : DocumentStoreContractTests, IClassFixture<PostgresStorageFixture>
{
    protected override Task<IDocumentStore> CreateAsync() =>
        Task.FromResult<IDocumentStore>(new PostgresDocumentStore(fixture.Require().DataSource, new FakeTimeProvider()));

    [Fact]
    public async Task Another_store_on_the_database_hears_each_committed_write_once()
    {
        var dataSource = fixture.Require().DataSource;
        var writer = new PostgresDocumentStore(dataSource, TimeProvider.System);
        var reader = new PostgresDocumentStore(dataSource, TimeProvider.System);
        using var listener = new PostgresDocumentChangeListener(dataSource, reader, TimeProvider.System);
        var id = NewId("relayed");
        var heard = new List<DocumentChange>();
        var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        reader.Changed += (_, change) =>
        {
            if (change.Id != id)
            {
                return;
            }
            lock (heard)
            {
                heard.Add(change);
                if (heard.Count == 3)
                {
                    third.TrySetResult();
                }
            }
        };
        await listener.StartAsync(Cancel);
        try
        {
            await listener.Listening.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
            var policy = await writer.CreateAsync(NoAnswerPolicy(id), Cancel);
            await writer.UpdateAsync(policy with { MaxMisses = 4 }, 1, Cancel);
            await Assert.ThrowsAsync<DocumentVersionConflictException>(() => writer.UpdateAsync(policy, 1, Cancel));
            await writer.DeleteAsync<NoAnswerPolicy>(id, 2, Cancel);

            await third.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancel)
                .ContinueWith(t => Assert.True(t.IsCompletedSuccessfully, $"the reader heard {heard.Count} of 3 changes of {id}"), Cancel);
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }

        Assert.Equal(
        [
            new DocumentChange(DocumentKind.NoAnswerPolicy, id, 1, DocumentChangeType.Created),
            new DocumentChange(DocumentKind.NoAnswerPolicy, id, 2, DocumentChangeType.Updated),
            new DocumentChange(DocumentKind.NoAnswerPolicy, id, 2, DocumentChangeType.Deleted),
        ], heard);
    }

    [Fact]
    public async Task A_store_does_not_hear_its_own_writes_twice()
    {
        var dataSource = fixture.Require().DataSource;
        var store = new PostgresDocumentStore(dataSource, TimeProvider.System);
        var other = new PostgresDocumentStore(dataSource, TimeProvider.System);
        using var listener = new PostgresDocumentChangeListener(dataSource, store, TimeProvider.System);
        var id = NewId("own");
        var marker = NewId("marker");
        var ownCount = 0;
        var markerHeard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Changed += (_, change) =>
        {
            if (change.Id == id)
            {
                Interlocked.Increment(ref ownCount);
            }
            else if (change.Id == marker)
            {
                markerHeard.TrySetResult();
            }
        };
        await listener.StartAsync(Cancel);
        try
        {
            await listener.Listening.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
            await store.CreateAsync(Skill(id), Cancel);
            Assert.Equal(1, ownCount);
            // Notifications reach a listener in commit order: once the other store's later write is heard, the
            // listener has seen (and left out) this store's own.
            await other.CreateAsync(Skill(marker), Cancel);
            await markerHeard.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }

        Assert.Equal(1, ownCount);
    }

    [Fact]
    public async Task The_listener_reopens_a_lost_connection_and_relays_again()
    {
        var database = fixture.Require();
        var application = $"doc-listener-{Guid.NewGuid():N}";
        await using var listenerSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = application }.ConnectionString);
        var writer = new PostgresDocumentStore(database.DataSource, TimeProvider.System);
        var reader = new PostgresDocumentStore(listenerSource, TimeProvider.System);
        using var listener = new PostgresDocumentChangeListener(listenerSource, reader, TimeProvider.System);
        var heard = new ConcurrentQueue<string>();
        reader.Changed += (_, change) => heard.Enqueue(change.Id);
        await listener.StartAsync(Cancel);
        try
        {
            await listener.Listening.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
            await using (var kill = database.DataSource.CreateCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1"))
            {
                kill.Parameters.AddWithValue(application);
                Assert.Equal(1L, await kill.ExecuteScalarAsync(Cancel));
            }
            await Eventually.TrueAsync(() => listener.Connections >= 2, TimeSpan.FromSeconds(15),
                "the listener reopened its connection after pg_terminate_backend");

            var id = NewId("after-reconnect");
            await writer.CreateAsync(Skill(id), Cancel);
            await Eventually.TrueAsync(() => heard.Contains(id), TimeSpan.FromSeconds(10),
                $"the reader heard {id} through the reopened connection");
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }
}
