using System.Net;
using ContactCenter.Contracts.Contacts;
using ContactCenter.Storage.Contacts;
using ContactCenter.Web.Tests.Support;

namespace ContactCenter.Web.Tests.Contacts;

/// <summary>The contacts API: agents create, read, list, update and look callers up; supervisors delete; the same
/// ETag and problem conventions as configuration.</summary>
public sealed class ContactsApiTests : IAsyncLifetime
{
    private const string Contacts = "/api/v1/contacts";

    private WebTestHost _host = null!;
    private HttpClient _agent = null!;

    private static Contact Anna => new()
    {
        Id = "anna",
        DisplayName = "Anna Nowak",
        Company = "Acme",
        Phones = [new ContactPhone("+48 (22) 555-01-02", "work")],
        Emails = ["Anna@Example.com"],
        Status = ContactStatus.Vip,
    };

    public async ValueTask InitializeAsync()
    {
        _host = await WebTestHost.StartAsync();
        _agent = await _host.CreateClientAsync("alex", "agent");
    }

    public async ValueTask DisposeAsync()
    {
        _agent.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<Contact> CreateAsync(Contact contact)
    {
        using var created = await _agent.PutJsonAsync($"{Contacts}/{contact.Id}", contact, ifNoneMatch: "*");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await created.ReadAsync<Contact>();
    }

    [Fact]
    public async Task An_agent_creates_reads_and_updates_a_contact_under_its_etag()
    {
        using var created = await _agent.PutJsonAsync($"{Contacts}/anna", Anna);
        var stored = await created.ReadAsync<Contact>();
        using var read = await _agent.GetPathAsync($"{Contacts}/anna");
        using var updated = await _agent.PutJsonAsync($"{Contacts}/anna", Anna with { Company = "Globex" }, ifMatch: "\"1\"");
        using var stale = await _agent.PutJsonAsync($"{Contacts}/anna", Anna with { Company = "Lost" }, ifMatch: "\"1\"");
        using var blind = await _agent.PutJsonAsync($"{Contacts}/anna", Anna with { Company = "Blind" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.ToString());
        Assert.Equal("+48225550102", Assert.Single(stored.Phones).Number);
        Assert.Equal("\"1\"", read.Headers.ETag?.ToString());
        ApiJson.AssertSame(stored, await read.ReadAsync<Contact>());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("\"2\"", updated.Headers.ETag?.ToString());
        Assert.Equal("Globex", (await updated.ReadAsync<Contact>()).Company);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, blind.StatusCode);
    }

    [Fact]
    public async Task An_invalid_contact_answers_400_with_field_errors_and_a_foreign_id_400_with_an_id_error()
    {
        using var invalid = await _agent.PutJsonAsync($"{Contacts}/anna", Anna with { DisplayName = "", Emails = ["not-an-address"] });
        using var foreign = await _agent.PutJsonAsync($"{Contacts}/anna", Anna with { Id = "bob" });
        using var read = await _agent.GetPathAsync($"{Contacts}/anna");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = await invalid.ReadFieldErrorsAsync();
        Assert.Contains("displayName", errors.Keys);
        Assert.Contains("emails[0]", errors.Keys);
        Assert.Equal(["id"], (await foreign.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Callers_are_identified_by_phone_number_or_email_with_every_match()
    {
        await CreateAsync(Anna);
        await CreateAsync(Anna with { Id = "switchboard", DisplayName = "Acme switchboard", Emails = ["office@example.com"] });
        await CreateAsync(Anna with { Id = "other", DisplayName = "Other", Phones = [new ContactPhone("+48600100200")], Emails = [] });

        using var byPhone = await _agent.GetPathAsync($"{Contacts}/by-phone/{Uri.EscapeDataString("+48225550102")}");
        using var byFormattedPhone = await _agent.GetPathAsync($"{Contacts}/by-phone/{Uri.EscapeDataString("+48 22 555 01 02")}");
        using var byEmail = await _agent.GetPathAsync($"{Contacts}/by-email/{Uri.EscapeDataString("ANNA@example.com")}");
        using var unknown = await _agent.GetPathAsync($"{Contacts}/by-phone/anonymous");

        Assert.Equal(["anna", "switchboard"], (await byPhone.ReadAsync<List<Contact>>()).Select(c => c.Id));
        Assert.Equal(["anna", "switchboard"], (await byFormattedPhone.ReadAsync<List<Contact>>()).Select(c => c.Id));
        Assert.Equal(["anna"], (await byEmail.ReadAsync<List<Contact>>()).Select(c => c.Id));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Empty(await unknown.ReadAsync<List<Contact>>());
    }

    [Fact]
    public async Task The_listing_searches_by_name_prefix_in_pages()
    {
        await CreateAsync(Anna);
        await CreateAsync(Anna with { Id = "annabel", DisplayName = "Annabel Lee" });
        await CreateAsync(Anna with { Id = "bob", DisplayName = "Bob Smith" });

        using var first = await _agent.GetPathAsync($"{Contacts}?name=ann&limit=1");
        var firstPage = await first.ReadAsync<ContactPage>();
        using var second = await _agent.GetPathAsync($"{Contacts}?name=ann&limit=1&cursor={firstPage.NextCursor}");
        var secondPage = await second.ReadAsync<ContactPage>();
        using var all = await _agent.GetPathAsync(Contacts);
        using var badCursor = await _agent.GetPathAsync($"{Contacts}?cursor=nonsense");
        using var badLimit = await _agent.GetPathAsync($"{Contacts}?limit=0");

        Assert.Equal(["anna"], firstPage.Items.Select(c => c.Id));
        Assert.Equal(["annabel"], secondPage.Items.Select(c => c.Id));
        Assert.Null(secondPage.NextCursor);
        Assert.Equal(["anna", "annabel", "bob"], (await all.ReadAsync<ContactPage>()).Items.Select(c => c.Id));
        Assert.Equal(["cursor"], (await badCursor.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["limit"], (await badLimit.ReadFieldErrorsAsync()).Keys);
    }

    [Fact]
    public async Task Agents_may_not_delete_and_supervisors_delete_under_the_etag()
    {
        await CreateAsync(Anna);
        using var supervisor = await _host.CreateClientAsync("sue", "supervisor");

        using var byAgent = await _agent.DeleteIfMatchAsync($"{Contacts}/anna", "\"1\"");
        using var stale = await supervisor.DeleteIfMatchAsync($"{Contacts}/anna", "\"7\"");
        using var missing = await supervisor.DeleteIfMatchAsync($"{Contacts}/anna", null);
        using var deleted = await supervisor.DeleteIfMatchAsync($"{Contacts}/anna", "\"1\"");
        using var gone = await _agent.GetPathAsync($"{Contacts}/anna");
        using var again = await supervisor.DeleteIfMatchAsync($"{Contacts}/anna", "\"1\"");

        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wallboard", HttpStatusCode.Forbidden)]
    [InlineData("agent", HttpStatusCode.OK)]
    [InlineData("supervisor", HttpStatusCode.OK)]
    public async Task Reads_and_lookups_need_an_agent_supervisor_or_admin(string? role, HttpStatusCode expected)
    {
        using var client = role is null ? _host.CreateClient() : await _host.CreateClientAsync($"{role}-user", role);

        using var list = await client.GetPathAsync(Contacts);
        using var lookup = await client.GetPathAsync($"{Contacts}/by-email/a@example.com");

        Assert.Equal(expected, list.StatusCode);
        Assert.Equal(expected, lookup.StatusCode);
    }
}
