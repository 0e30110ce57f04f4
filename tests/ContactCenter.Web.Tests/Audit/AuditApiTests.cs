using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Contacts;
using ContactCenter.Storage.Audit;
using ContactCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Audit;

/// <summary>ADM-4 through the API: every write, committed or refused, leaves an entry naming the user with the document
/// before and after; admins read the log in pages and export it as CSV.</summary>
public sealed class AuditApiTests : IAsyncLifetime
{
    private WebTestHost _host = null!;
    private HttpClient _admin = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Queue Sales => new() { Id = "sales", Name = "Sales" };

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

    private async Task<List<AuditEntry>> EntriesAsync(string query)
    {
        using var response = await _admin.GetPathAsync($"/api/v1/audit?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadAsync<AuditPage>()).Items];
    }

    private static JsonNode? Json(string? text) => text is null ? null : JsonNode.Parse(text);

    private async Task SendAsync(Task<HttpResponseMessage> request, HttpStatusCode expected)
    {
        using var response = await request;
        Assert.True(response.StatusCode == expected,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {response.StatusCode}, expected {expected}: " +
            await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Each_committed_write_is_an_entry_with_the_actor_and_the_document_before_and_after()
    {
        await SendAsync(_admin.PutJsonAsync("/api/v1/queues/sales", Sales), HttpStatusCode.Created);
        await SendAsync(_admin.PutJsonAsync("/api/v1/queues/sales", Sales with { Name = "Sales EU" }, ifMatch: "\"1\""), HttpStatusCode.OK);
        await SendAsync(_admin.DeleteIfMatchAsync("/api/v1/queues/sales", "\"2\""), HttpStatusCode.NoContent);

        var entries = await EntriesAsync("kind=queue&targetId=sales");

        Assert.Equal(["queue.delete", "queue.update", "queue.create"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("ada", "queue", "sales", AuditOutcome.Succeeded), (e.Actor, e.Kind, e.TargetId, e.Outcome)));
        var (delete, update, create) = (entries[0], entries[1], entries[2]);
        Assert.Null(create.Before);
        Assert.Equal(("Sales", 1), (Json(create.After)!["name"]!.GetValue<string>(), Json(create.After)!["version"]!.GetValue<long>()));
        Assert.Equal(create.After, update.Before);
        Assert.Equal(("Sales EU", 2), (Json(update.After)!["name"]!.GetValue<string>(), Json(update.After)!["version"]!.GetValue<long>()));
        Assert.Equal(update.After, delete.Before);
        Assert.Null(delete.After);
        Assert.True(delete.Sequence > update.Sequence && update.Sequence > create.Sequence);
    }

    [Fact]
    public async Task Refused_writes_are_entries_with_their_outcome_and_the_submitted_document()
    {
        await SendAsync(_admin.PutJsonAsync("/api/v1/queues/sales", Sales with { TimeZoneId = "Nowhere/Land" }), HttpStatusCode.BadRequest);
        await SendAsync(_admin.PutJsonAsync("/api/v1/queues/sales", Sales), HttpStatusCode.Created);
        await SendAsync(_admin.PutJsonAsync("/api/v1/queues/sales", Sales with { Name = "Stale" }, ifMatch: "\"9\""), HttpStatusCode.PreconditionFailed);
        await SendAsync(_admin.PutJsonAsync("/api/v1/queues/sales", Sales with { Id = "other" }, ifMatch: "\"1\""), HttpStatusCode.BadRequest);
        await SendAsync(_admin.DeleteIfMatchAsync("/api/v1/queues/sales", "\"9\""), HttpStatusCode.PreconditionFailed);

        var entries = await EntriesAsync("kind=queue");

        Assert.Equal(
            [("queue.delete", AuditOutcome.Conflict), ("queue.update", AuditOutcome.Invalid), ("queue.update", AuditOutcome.Conflict),
             ("queue.create", AuditOutcome.Succeeded), ("queue.create", AuditOutcome.Invalid)],
            entries.Select(e => (e.Action, e.Outcome)));
        Assert.Equal("Nowhere/Land", Json(entries[4].After)!["timeZoneId"]!.GetValue<string>());
        Assert.Null(entries[4].Before);
        Assert.Equal("Stale", Json(entries[2].After)!["name"]!.GetValue<string>());
        Assert.Equal("Sales", Json(entries[2].Before)!["name"]!.GetValue<string>());
        Assert.Equal("other", Json(entries[1].After)!["id"]!.GetValue<string>());
        Assert.Equal("sales", entries[1].TargetId);
        Assert.Null(entries[0].After);
    }

    [Fact]
    public async Task Contact_writes_are_audited_under_the_agent_who_made_them()
    {
        using var agent = await _host.CreateClientAsync("alex", "agent");
        using var supervisor = await _host.CreateClientAsync("sue", "supervisor");
        var anna = new Contact { Id = "anna", DisplayName = "Anna", Emails = ["anna@example.com"] };

        await SendAsync(agent.PutJsonAsync("/api/v1/contacts/anna", anna), HttpStatusCode.Created);
        await SendAsync(agent.PutJsonAsync("/api/v1/contacts/anna", anna with { Company = "Acme" }, ifMatch: "\"1\""), HttpStatusCode.OK);
        await SendAsync(supervisor.DeleteIfMatchAsync("/api/v1/contacts/anna", "\"2\""), HttpStatusCode.NoContent);

        var entries = await EntriesAsync("kind=contact");

        Assert.Equal([("sue", "contact.delete"), ("alex", "contact.update"), ("alex", "contact.create")], entries.Select(e => (e.Actor, e.Action)));
        Assert.Equal("Acme", Json(entries[1].After)!["company"]!.GetValue<string>());
        Assert.Null(Json(entries[1].Before)!["company"]);
        Assert.Equal(entries[1].After, entries[0].Before);
    }

    [Fact]
    public async Task The_log_is_read_newest_first_in_pages_filtered_by_actor()
    {
        using var other = await _host.CreateClientAsync("otto", "admin");
        foreach (var id in new[] { "a", "b", "c" })
        {
            await SendAsync(_admin.PutJsonAsync($"/api/v1/skills/{id}", new Skill { Id = id, Name = id }), HttpStatusCode.Created);
            await SendAsync(other.PutJsonAsync($"/api/v1/pause-codes/{id}", new PauseCode { Id = id, Name = id }), HttpStatusCode.Created);
        }

        using var first = await _admin.GetPathAsync("/api/v1/audit?actor=ada&limit=2");
        var firstPage = await first.ReadAsync<AuditPage>();
        var rest = await EntriesAsync($"actor=ada&limit=2&before={firstPage.NextBefore}");
        using var tooLarge = await _admin.GetPathAsync($"/api/v1/audit?limit={AuditQuery.MaxLimit + 1}");

        Assert.Equal(["c", "b"], firstPage.Items.Select(e => e.TargetId));
        Assert.Equal(["a"], rest.Select(e => e.TargetId));
        Assert.Equal(["pauseCode"], (await EntriesAsync("actor=otto")).Select(e => e.Kind).Distinct());
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Empty(await EntriesAsync($"to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}"));
    }

    [Fact]
    public async Task The_export_is_csv_of_the_same_query_with_fields_quoted()
    {
        // Login names cannot hold commas or quotes; an entry written by another part of the platform can.
        await _host.Services.GetRequiredService<IAuditLog>().AppendAsync(
            new AuditEntry { Actor = "Doe, \"JJ\"", Action = "skill.update", Kind = "skill", TargetId = "de" }, Cancel);
        var skill = new Skill { Id = "fr", Name = "French", Description = "Paris, \"Lyon\"\nand Nice" };
        await SendAsync(_admin.PutJsonAsync("/api/v1/skills/fr", skill), HttpStatusCode.Created);
        await SendAsync(_admin.PutJsonAsync("/api/v1/queues/sales", Sales), HttpStatusCode.Created);

        using var response = await _admin.GetPathAsync("/api/v1/audit/export?kind=skill");
        var text = await response.Content.ReadAsStringAsync(Cancel);
        var rows = Csv.Parse(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, rows.Count);
        Assert.Equal("sequence", rows[0][0]);
        var created = rows[1];
        Assert.Equal(["ada", "skill.create", "skill", "fr", "Succeeded"], created[2..7]);
        Assert.Equal(skill.Description, Json(created[9])!["description"]!.GetValue<string>());
        Assert.Equal("", created[8]);
        Assert.Equal("Doe, \"JJ\"", rows[2][2]);
        Assert.Contains("\"Doe, \"\"JJ\"\"\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_runs_through_every_page_of_the_log()
    {
        var log = _host.Services.GetRequiredService<IAuditLog>();
        const int Count = AuditQuery.MaxLimit * 2 + 5;
        for (var i = 0; i < Count; i++)
        {
            await log.AppendAsync(new AuditEntry { Actor = "bulk", Action = "skill.update", Kind = "skill", TargetId = $"s{i}" }, Cancel);
        }
        await log.AppendAsync(new AuditEntry { Actor = "other", Action = "skill.update", Kind = "skill", TargetId = "x" }, Cancel);

        using var response = await _admin.GetPathAsync("/api/v1/audit/export?actor=bulk");
        var rows = Csv.Parse(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(Count + 1, rows.Count);
        Assert.Equal(Enumerable.Range(0, Count).Reverse().Select(i => $"s{i}"), rows.Skip(1).Select(r => r[5]));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("supervisor", HttpStatusCode.Forbidden)]
    [InlineData("agent", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task Only_admins_read_and_export_the_log(string? role, HttpStatusCode expected)
    {
        using var client = role is null ? _host.CreateClient() : await _host.CreateClientAsync($"{role}-user", role);

        using var page = await client.GetPathAsync("/api/v1/audit");
        using var export = await client.GetPathAsync("/api/v1/audit/export");

        Assert.Equal(expected, page.StatusCode);
        Assert.Equal(expected, export.StatusCode);
    }
}
