using System.Net;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Configuration;

/// <summary>Every rule of the configuration API, on queues (the richest kind): creates and replaces under ETags,
/// validation as field errors, deletes, 404s and who may read and write.</summary>
public sealed class QueueApiTests : IAsyncLifetime
{
    private const string Queues = "/api/v1/queues";

    private WebTestHost _host = null!;
    private HttpClient _admin = null!;

    private static Queue Sales => new() { Id = "sales", Name = "Sales", TimeZoneId = "Europe/Warsaw", Priority = 10 };

    public async ValueTask InitializeAsync()
    {
        _host = await WebTestHost.StartAsync();
        _admin = await _host.CreateClientAsync("ada", "admin");
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<string> CreateSalesAsync()
    {
        using var created = await _admin.PutJsonAsync($"{Queues}/sales", Sales);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return created.Headers.ETag!.ToString();
    }

    [Fact]
    public async Task A_put_of_an_absent_queue_creates_it_with_201_location_and_etag_and_a_get_returns_it()
    {
        using var created = await _admin.PutJsonAsync($"{Queues}/sales", Sales with { Version = 42 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.ToString());
        Assert.Equal($"{Queues}/sales", created.Headers.Location?.OriginalString);
        ApiJson.AssertSame(Sales with { Version = 1 }, await created.ReadAsync<Queue>());

        using var read = await _admin.GetPathAsync($"{Queues}/sales");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.ToString());
        ApiJson.AssertSame(Sales with { Version = 1 }, await read.ReadAsync<Queue>());
    }

    [Fact]
    public async Task If_none_match_star_creates_only_once()
    {
        using var created = await _admin.PutJsonAsync($"{Queues}/sales", Sales, ifNoneMatch: "*");
        using var again = await _admin.PutJsonAsync($"{Queues}/sales", Sales with { Name = "Again" }, ifNoneMatch: "*");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Sales", (await _host.Services.GetRequiredService<IDocumentStore>().GetAsync<Queue>("sales", TestContext.Current.CancellationToken))?.Name);
    }

    [Fact]
    public async Task A_put_with_the_current_etag_replaces_the_queue_with_200_and_the_next_etag()
    {
        var etag = await CreateSalesAsync();

        using var updated = await _admin.PutJsonAsync($"{Queues}/sales", Sales with { Name = "Sales EU" }, ifMatch: etag);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("\"2\"", updated.Headers.ETag?.ToString());
        ApiJson.AssertSame(Sales with { Name = "Sales EU", Version = 2 }, await updated.ReadAsync<Queue>());
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("\"0\"")]
    [InlineData("W/\"1\"")]
    [InlineData("\"one\"")]
    public async Task A_put_with_a_stale_or_foreign_etag_answers_412_and_changes_nothing(string ifMatch)
    {
        await CreateSalesAsync();

        using var refused = await _admin.PutJsonAsync($"{Queues}/sales", Sales with { Name = "Lost" }, ifMatch: ifMatch);
        using var read = await _admin.GetPathAsync($"{Queues}/sales");

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        ApiJson.AssertSame(Sales with { Version = 1 }, await read.ReadAsync<Queue>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*")]
    public async Task A_put_over_an_existing_queue_without_its_etag_answers_428(string? ifMatch)
    {
        await CreateSalesAsync();

        using var refused = await _admin.PutJsonAsync($"{Queues}/sales", Sales with { Name = "Blind" }, ifMatch: ifMatch);

        Assert.Equal(HttpStatusCode.PreconditionRequired, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_put_with_if_match_of_an_absent_queue_answers_412_and_creates_nothing()
    {
        using var refused = await _admin.PutJsonAsync($"{Queues}/sales", Sales, ifMatch: "\"1\"");
        using var read = await _admin.GetPathAsync($"{Queues}/sales");

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task An_invalid_queue_answers_400_with_errors_by_field_and_is_not_stored()
    {
        using var refused = await _admin.PutJsonAsync($"{Queues}/sales",
            Sales with { TimeZoneId = "Mars/Olympus_Mons", Priority = 101, RingTimeout = TimeSpan.Zero });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = await refused.ReadFieldErrorsAsync();
        Assert.Equal(["priority", "ringTimeout", "timeZoneId"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["is not a known IANA time zone id"], errors["timeZoneId"]);
        using var read = await _admin.GetPathAsync($"{Queues}/sales");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task An_invalid_replacement_answers_400_and_keeps_the_stored_version()
    {
        var etag = await CreateSalesAsync();

        using var refused = await _admin.PutJsonAsync($"{Queues}/sales", Sales with { TimeZoneId = "Nowhere" }, ifMatch: etag);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ReadFieldErrorsAsync()).ContainsKey("timeZoneId"));
        using var read = await _admin.GetPathAsync($"{Queues}/sales");
        Assert.Equal(etag, read.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task A_body_whose_id_is_not_the_path_s_answers_400_with_an_id_error()
    {
        using var refused = await _admin.PutJsonAsync($"{Queues}/sales", Sales with { Id = "support" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["id"], (await refused.ReadFieldErrorsAsync()).Keys);
        using var read = await _admin.GetPathAsync($"{Queues}/support");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task A_malformed_body_answers_400()
    {
        using var content = new StringContent("{\"id\":", System.Text.Encoding.UTF8, "application/json");
        using var refused = await _admin.PutAsync(new Uri($"{Queues}/sales", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task A_delete_with_the_current_etag_answers_204_and_the_queue_is_gone()
    {
        var etag = await CreateSalesAsync();

        using var deleted = await _admin.DeleteIfMatchAsync($"{Queues}/sales", etag);
        using var read = await _admin.GetPathAsync($"{Queues}/sales");
        using var again = await _admin.DeleteIfMatchAsync($"{Queues}/sales", etag);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_delete_with_a_stale_etag_answers_412_and_without_one_428_and_the_queue_stays()
    {
        var etag = await CreateSalesAsync();
        using (await _admin.PutJsonAsync($"{Queues}/sales", Sales with { Name = "Sales 2" }, ifMatch: etag))
        {
        }

        using var stale = await _admin.DeleteIfMatchAsync($"{Queues}/sales", etag);
        using var missing = await _admin.DeleteIfMatchAsync($"{Queues}/sales", null);
        using var read = await _admin.GetPathAsync($"{Queues}/sales");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal("\"2\"", read.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task An_absent_queue_is_a_404_problem()
    {
        using var read = await _admin.GetPathAsync($"{Queues}/nowhere");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nowhere", await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_pages_by_id()
    {
        foreach (var id in new[] { "c", "a", "b" })
        {
            using var created = await _admin.PutJsonAsync($"{Queues}/{id}", Sales with { Id = id });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var first = await _admin.GetPathAsync($"{Queues}?limit=2");
        var firstPage = await first.ReadAsync<DocumentPage<Queue>>();
        using var second = await _admin.GetPathAsync($"{Queues}?limit=2&afterId={firstPage.NextAfterId}");
        var secondPage = await second.ReadAsync<DocumentPage<Queue>>();
        using var tooMany = await _admin.GetPathAsync($"{Queues}?limit={DocumentPage<Queue>.MaxLimit + 1}");

        Assert.Equal(["a", "b"], firstPage.Items.Select(q => q.Id));
        Assert.Equal(["c"], secondPage.Items.Select(q => q.Id));
        Assert.Null(secondPage.NextAfterId);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(["limit"], (await tooMany.ReadFieldErrorsAsync()).Keys);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("agent", HttpStatusCode.OK)]
    [InlineData("wallboard", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task Reads_need_an_agent_a_supervisor_or_an_admin(string? role, HttpStatusCode expected)
    {
        await CreateSalesAsync();
        using var client = role is null ? _host.CreateClient() : await _host.CreateClientAsync($"{role}-user", role);

        using var item = await client.GetPathAsync($"{Queues}/sales");
        using var list = await client.GetPathAsync(Queues);

        Assert.Equal(expected, item.StatusCode);
        Assert.Equal(expected, list.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/agent-profiles")]
    [InlineData("/api/v1/no-answer-policies")]
    public async Task Agents_do_not_read_other_agents_profiles_or_the_no_answer_policies(string path)
    {
        using var agent = await _host.CreateClientAsync("agent-user", "agent");
        using var supervisor = await _host.CreateClientAsync("supervisor-user", "supervisor");

        using var refused = await agent.GetPathAsync(path);
        using var allowed = await supervisor.GetPathAsync(path);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (refused.StatusCode, allowed.StatusCode));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("agent", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Created)]
    public async Task Writes_need_an_admin(string? role, HttpStatusCode expected)
    {
        using var client = role is null ? _host.CreateClient() : await _host.CreateClientAsync($"{role}-user", role);

        using var put = await client.PutJsonAsync($"{Queues}/sales", Sales);

        Assert.Equal(expected, put.StatusCode);
        if (expected != HttpStatusCode.Created)
        {
            var etag = await CreateSalesAsync();
            using var delete = await client.DeleteIfMatchAsync($"{Queues}/sales", etag);
            Assert.Equal(expected, delete.StatusCode);
        }
    }
}
