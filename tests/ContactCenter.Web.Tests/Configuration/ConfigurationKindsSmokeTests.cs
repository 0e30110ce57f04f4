using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactCenter.Web.Tests.Support;

namespace ContactCenter.Web.Tests.Configuration;

/// <summary>Create, read, list, replace and delete through every other configuration kind's endpoints, and the site
/// settings' single document.</summary>
public sealed class ConfigurationKindsSmokeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Kinds => new()
    {
        { "skills", """{"id":"english","name":"English"}""", "description" },
        { "agent-profiles", """{"id":"ann","name":"Ann","phone":"sip:ann@pbx","externalNumbers":["+48600100200"]}""", "name" },
        { "pause-codes", """{"id":"lunch","name":"Lunch","kind":"Private","maxDuration":"00:30:00"}""", "name" },
        { "categories", """{"id":"billing","name":"Billing","queueIds":["sales"]}""", "name" },
        { "no-answer-policies", """{"id":"strict","name":"Strict","maxMisses":2,"window":"00:05:00","action":"Pause","pauseCodeId":"lunch"}""", "name" },
        { "transfer-groups", """{"id":"departments","name":"Departments","order":1,"lines":[{"name":"Claims","target":{"kind":"Queue","value":"claims"}},{"name":"Reception","target":{"kind":"ExternalNumber","value":"+48221000000"}}]}""", "name" },
        { "trunks", """{"id":"carrier","name":"Carrier","host":"sip.carrier.example","port":5061,"transport":"Tls","allowedSources":["192.0.2.0/24","2001:db8::/32","198.51.100.7"],"inbound":true,"outbound":true,"order":2,"outboundCallerId":"+48221000000","dialPrefix":"0","authUsername":"cc-site"}""", "name" },
        { "numbers", """{"id":"+48221000100","name":"Hotline","target":"Queue","targetId":"sales","trunkIds":["carrier"],"priority":20}""", "name" },
        { "announcements", """{"id":"outage","name":"Network outage","active":false,"language":"pl"}""", "name" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_document_of_each_kind_is_created_read_listed_replaced_and_deleted(string path, string document, string changedField)
    {
        await using var host = await WebTestHost.StartAsync();
        using var admin = await host.CreateClientAsync("ada", "admin");
        // Trunks are the site's attack surface: only admins read them.
        using var reader = path == "trunks" ? await host.CreateClientAsync("al", "admin") : await host.CreateClientAsync("sue", "supervisor");
        var body = JsonNode.Parse(document)!.AsObject();
        var item = $"/api/v1/{path}/{body["id"]}";

        using var created = await admin.PutJsonAsync(item, body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"create {item}: {await created.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal("\"1\"", created.Headers.ETag?.ToString());

        using var read = await reader.GetPathAsync(item);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.ToString());
        var stored = (await read.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        foreach (var (name, value) in body)
        {
            Assert.True(JsonNode.DeepEquals(value, stored[name]), $"{item}: {name} is {stored[name]}, was written as {value}");
        }

        using var list = await reader.GetPathAsync($"/api/v1/{path}");
        var items = (await list.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["items"]!.AsArray();
        Assert.Equal([body["id"]!.GetValue<string>()], items.Select(i => i!["id"]!.GetValue<string>()));

        body[changedField] = "Changed";
        using var updated = await admin.PutJsonAsync(item, body, ifMatch: "\"1\"");
        Assert.True(updated.StatusCode == HttpStatusCode.OK, $"update {item}: {await updated.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal("\"2\"", updated.Headers.ETag?.ToString());
        Assert.Equal("Changed", (await updated.Content.ReadFromJsonAsync<JsonObject>(Cancel))![changedField]!.GetValue<string>());

        using var stale = await admin.DeleteIfMatchAsync(item, "\"1\"");
        using var deleted = await admin.DeleteIfMatchAsync(item, "\"2\"");
        using var gone = await reader.GetPathAsync(item);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_refuses_an_invalid_document_with_field_errors(string path, string document, string changedField)
    {
        _ = changedField;
        await using var host = await WebTestHost.StartAsync();
        using var admin = await host.CreateClientAsync("ada", "admin");
        var body = JsonNode.Parse(document)!.AsObject();
        body["name"] = "";

        using var refused = await admin.PutJsonAsync($"/api/v1/{path}/{body["id"]}", body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("name", (await refused.ReadFieldErrorsAsync()).Keys);
    }

    [Fact]
    public async Task The_site_settings_are_one_document_read_and_replaced_under_their_etag()
    {
        await using var host = await WebTestHost.StartAsync();
        using var admin = await host.CreateClientAsync("ada", "admin");
        using var supervisor = await host.CreateClientAsync("sue", "supervisor");
        const string Path = "/api/v1/site-settings";

        using var absent = await supervisor.GetPathAsync(Path);
        using var created = await admin.PutJsonAsync(Path, new JsonObject { ["timeZoneId"] = "Europe/Warsaw" });
        using var read = await supervisor.GetPathAsync(Path);
        using var blind = await admin.PutJsonAsync(Path, new JsonObject { ["timeZoneId"] = "UTC" });
        using var updated = await admin.PutJsonAsync(Path, new JsonObject { ["timeZoneId"] = "America/New_York" }, ifMatch: "\"1\"");
        using var otherId = await admin.PutJsonAsync(Path, new JsonObject { ["id"] = "other", ["timeZoneId"] = "UTC" }, ifMatch: "\"2\"");
        using var invalid = await admin.PutJsonAsync(Path, new JsonObject { ["timeZoneId"] = "Atlantis/Capital" }, ifMatch: "\"2\"");
        using var bySupervisor = await supervisor.PutJsonAsync(Path, new JsonObject { ["timeZoneId"] = "UTC" }, ifMatch: "\"2\"");

        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.ToString());
        Assert.Equal("Europe/Warsaw", (await read.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["timeZoneId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionRequired, blind.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("\"2\"", updated.Headers.ETag?.ToString());
        Assert.Equal(["id"], (await otherId.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["timeZoneId"], (await invalid.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Forbidden, bySupervisor.StatusCode);
    }
}
