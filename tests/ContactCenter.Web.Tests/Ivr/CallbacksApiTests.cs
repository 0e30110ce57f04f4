using System.Net;
using ContactCenter.Contracts.Callbacks;
using ContactCenter.Storage.Audit;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Apis;
using ContactCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Ivr;

/// <summary>Callback tasks (IVR-4): listed newest first by queue and status, read with their ETag, completed or
/// cancelled under If-Match with every attempt audited; wallboards shut out.</summary>
public sealed class CallbacksApiTests : IAsyncLifetime
{
    private const string Callbacks = "/api/v1/callbacks";

    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private WebTestHost _host = null!;
    private HttpClient _agent = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IDocumentStore Store => _host.Services.GetRequiredService<IDocumentStore>();

    public async ValueTask InitializeAsync()
    {
        _host = await WebTestHost.StartAsync();
        _agent = await _host.CreateClientAsync("alice", "agent");
    }

    public async ValueTask DisposeAsync()
    {
        _agent.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Callbacks_are_listed_newest_first_by_queue_and_status_a_page_at_a_time()
    {
        await SaveAsync("cb-old", "support", Noon);
        await SaveAsync("cb-new", "support", Noon.AddMinutes(2));
        await SaveAsync("cb-done", "support", Noon.AddMinutes(1), CallbackStatus.Completed);
        await SaveAsync("cb-sales", "sales", Noon.AddMinutes(3));

        using var pending = await _agent.GetPathAsync($"{Callbacks}?queueId=support&status=Pending");
        Assert.Equal(["cb-new", "cb-old"], (await pending.ReadAsync<NewestFirstPage<CallbackRequest>>()).Items.Select(c => c.Id));
        using var first = await _agent.GetPathAsync($"{Callbacks}?limit=2");
        var page = await first.ReadAsync<NewestFirstPage<CallbackRequest>>();
        Assert.Equal(["cb-sales", "cb-new"], page.Items.Select(c => c.Id));
        using var second = await _agent.GetPathAsync($"{Callbacks}?limit=2&cursor={Uri.EscapeDataString(page.NextCursor!)}");
        var last = await second.ReadAsync<NewestFirstPage<CallbackRequest>>();
        Assert.Equal(["cb-done", "cb-old"], last.Items.Select(c => c.Id));
        Assert.Null(last.NextCursor);
    }

    [Fact]
    public async Task A_listing_with_an_unknown_status_or_bad_limit_answers_400_naming_the_field()
    {
        using var status = await _agent.GetPathAsync($"{Callbacks}?status=1");
        using var limit = await _agent.GetPathAsync($"{Callbacks}?limit=501");

        Assert.Equal(["status"], (await status.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["limit"], (await limit.ReadFieldErrorsAsync()).Keys);
    }

    [Fact]
    public async Task A_callback_is_read_with_its_ETag_and_an_unknown_one_answers_404()
    {
        var saved = await SaveAsync("cb-1", "support", Noon);

        using var read = await _agent.GetPathAsync($"{Callbacks}/cb-1");
        using var unknown = await _agent.GetPathAsync($"{Callbacks}/cb-none");

        Assert.Equal((HttpStatusCode.OK, "\"1\""), (read.StatusCode, read.Headers.ETag?.ToString()));
        Assert.Equal(saved, await read.ReadAsync<CallbackRequest>());
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"),
            (unknown.StatusCode, unknown.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task A_callback_is_completed_under_If_Match_and_every_attempt_is_audited()
    {
        var saved = await SaveAsync("cb-1", "support", Noon);

        using var unconditional = await _agent.PutJsonAsync($"{Callbacks}/cb-1/status", new StatusChange("Completed"));
        using var stale = await _agent.PutJsonAsync($"{Callbacks}/cb-1/status", new StatusChange("Completed"), ifMatch: "\"2\"");
        using var invalid = await _agent.PutJsonAsync($"{Callbacks}/cb-1/status", new StatusChange("Done"), ifMatch: "\"1\"");
        using var unknown = await _agent.PutJsonAsync($"{Callbacks}/cb-none/status", new StatusChange("Completed"), ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionRequired, unconditional.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("Completed", Assert.Single((await invalid.ReadFieldErrorsAsync())["status"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(saved, await Store.GetAsync<CallbackRequest>("cb-1", Cancel));

        using var completed = await _agent.PutJsonAsync($"{Callbacks}/cb-1/status", new StatusChange("Completed"), ifMatch: "\"1\"");
        using var cancelled = await _agent.PutJsonAsync($"{Callbacks}/cb-1/status", new StatusChange("Cancelled"), ifMatch: "\"1\"");

        Assert.Equal((HttpStatusCode.OK, "\"2\""), (completed.StatusCode, completed.Headers.ETag?.ToString()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, cancelled.StatusCode);
        Assert.Equal(saved with { Status = CallbackStatus.Completed, Version = 2 }, await Store.GetAsync<CallbackRequest>("cb-1", Cancel));
        var entries = (await _host.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Kind = "callbackRequest" }, Cancel))
            .Items.OrderBy(e => e.Sequence).ToList();
        Assert.Equal([AuditOutcome.Conflict, AuditOutcome.Invalid, AuditOutcome.Succeeded, AuditOutcome.Conflict], entries.Select(e => e.Outcome));
        Assert.All(entries, e => Assert.Equal(("callbackRequest.status", "alice"), (e.Action, e.Actor)));
    }

    [Fact]
    public async Task A_wallboard_may_not_read_or_change_callbacks()
    {
        await SaveAsync("cb-1", "support", Noon);
        using var wallboard = await _host.CreateClientAsync("wall", "wallboard");

        using var list = await wallboard.GetPathAsync(Callbacks);
        using var read = await wallboard.GetPathAsync($"{Callbacks}/cb-1");
        using var status = await wallboard.PutJsonAsync($"{Callbacks}/cb-1/status", new StatusChange("Cancelled"), ifMatch: "\"1\"");

        Assert.All(new[] { list, read, status }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(CallbackStatus.Pending, (await Store.GetAsync<CallbackRequest>("cb-1", Cancel))?.Status);
    }

    private async Task<CallbackRequest> SaveAsync(string id, string queueId, DateTimeOffset createdAt,
        CallbackStatus status = CallbackStatus.Pending) =>
        await Store.CreateAsync(new CallbackRequest
        {
            Id = id,
            CallId = $"call-{id}",
            Number = "+4930123456",
            QueueId = queueId,
            PreferredAt = createdAt.AddHours(1),
            CreatedAt = createdAt,
            Status = status,
        }, Cancel);
}
