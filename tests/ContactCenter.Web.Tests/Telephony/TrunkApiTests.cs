using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Audit;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Apis;
using ContactCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Telephony;

/// <summary>Trunks and inbound numbers through the configuration API: field errors for what a SIP front end could not
/// use, the trunk's secret set only through its own endpoint, kept on replace and never returned or audited, and who
/// may read which.</summary>
public sealed class TrunkApiTests : IAsyncLifetime
{
    private const string Trunks = "/api/v1/trunks";
    private const string Numbers = "/api/v1/numbers";
    private const string Secret = "carrier-S3cret!";

    private WebTestHost _host = null!;
    private HttpClient _admin = null!;

    private static TrunkResource Carrier => new()
    {
        Id = "carrier",
        Name = "Carrier",
        Host = "sip.carrier.example",
        AllowedSources = ["192.0.2.0/24", "2001:db8::1"],
        Outbound = true,
        AuthUsername = "cc-site",
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

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

    [Fact]
    public async Task Invalid_trunks_and_numbers_answer_400_with_the_offending_field()
    {
        using var badCidr = await _admin.PutJsonAsync($"{Trunks}/carrier", Carrier with { AllowedSources = ["10.0.0.0/33", "192.0.2.0/24"] });
        using var hostBits = await _admin.PutJsonAsync($"{Trunks}/carrier", Carrier with { AllowedSources = ["192.0.2.0/24", "10.0.0.1/8"] });
        using var shorthand = await _admin.PutJsonAsync($"{Trunks}/carrier", Carrier with { AllowedSources = ["10"] });
        using var badPort = await _admin.PutJsonAsync($"{Trunks}/carrier", Carrier with { Port = 70000 });
        using var badHost = await _admin.PutJsonAsync($"{Trunks}/carrier", Carrier with { Host = "not a host" });
        using var badCallerId = await _admin.PutJsonAsync($"{Trunks}/carrier", Carrier with { OutboundCallerId = "+48 22 100", DialPrefix = "9#" });
        using var badNumber = await _admin.PutJsonAsync($"{Numbers}/sales-line", Number("sales-line"));
        using var unknownTarget = await _admin.PutJsonAsync($"{Numbers}/200", JsonNode.Parse("""{"id":"200","name":"Sales","target":7,"targetId":"sales"}"""));
        using var badPriority = await _admin.PutJsonAsync($"{Numbers}/200", Number("200") with { Priority = 101, TrunkIds = ["carrier", "carrier"] });

        Assert.Equal(["allowedSources[0]"], (await badCidr.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["allowedSources[1]"], (await hostBits.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["allowedSources[0]"], (await shorthand.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["port"], (await badPort.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["host"], (await badHost.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["dialPrefix", "outboundCallerId"], (await badCallerId.ReadFieldErrorsAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["id"], (await badNumber.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["target"], (await unknownTarget.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["priority", "trunkIds[1]"], (await badPriority.ReadFieldErrorsAsync()).Keys.Order(StringComparer.Ordinal));
        using var none = await _admin.GetPathAsync(Trunks);
        Assert.Empty((await none.ReadAsync<DocumentPage<TrunkResource>>()).Items);
    }

    [Fact]
    public async Task The_trunk_secret_is_set_through_its_own_endpoint_kept_on_replace_and_never_returned()
    {
        using (var created = await _admin.PutJsonAsync($"{Trunks}/carrier", Carrier))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.False((await created.ReadAsync<TrunkResource>()).HasAuthPassword);
        }
        using var tooLong = await _admin.PutJsonAsync($"{Trunks}/carrier/password", new SipPasswordChange(new string('x', 129)));
        using var set = await _admin.PutJsonAsync($"{Trunks}/carrier/password", new SipPasswordChange(Secret));
        using var absent = await _admin.PutJsonAsync($"{Trunks}/nobody/password", new SipPasswordChange(Secret));

        Assert.Equal(["password"], (await tooLong.ReadFieldErrorsAsync()).Keys);
        Assert.Equal((HttpStatusCode.NoContent, "\"2\""), (set.StatusCode, set.Headers.ETag?.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        Assert.Equal(Secret, (await StoredAsync()).AuthPassword);

        using var read = await _admin.GetPathAsync($"{Trunks}/carrier");
        using var list = await _admin.GetPathAsync(Trunks);
        foreach (var raw in new[] { await read.Content.ReadAsStringAsync(Cancel), await list.Content.ReadAsStringAsync(Cancel) })
        {
            Assert.DoesNotContain("\"authPassword\"", raw, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, raw, StringComparison.Ordinal);
            Assert.Contains("\"hasAuthPassword\":true", raw, StringComparison.Ordinal);
        }

        // A body naming the secret does not set it: only the password endpoint does.
        var body = JsonNode.Parse(await read.Content.ReadAsStringAsync(Cancel))!.AsObject();
        body["name"] = "Carrier (renamed)";
        body["authPassword"] = "sneaked-in";
        using var replaced = await _admin.PutJsonAsync($"{Trunks}/carrier", body, ifMatch: "\"2\"");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var stored = await StoredAsync();
        Assert.Equal(("Carrier (renamed)", Secret), (stored.Name, stored.AuthPassword));
        Assert.DoesNotContain(Secret, stored.ToString(), StringComparison.Ordinal);

        var entries = (await _host.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Kind = "trunk" }, Cancel)).Items
            .OrderBy(e => e.Sequence).ToList();
        Assert.Equal(["trunk.create", "trunk.password", "trunk.password", "trunk.update"], entries.Select(e => e.Action));
        Assert.Equal([AuditOutcome.Succeeded, AuditOutcome.Invalid, AuditOutcome.Succeeded, AuditOutcome.Succeeded], entries.Select(e => e.Outcome));
        foreach (var text in entries.SelectMany(e => new[] { e.Before, e.After }).OfType<string>())
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("xxxxxxxx", text, StringComparison.Ordinal);
            Assert.DoesNotContain("sneaked-in", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Only_admins_read_trunks_and_supervisors_but_not_agents_read_numbers()
    {
        using var supervisor = await _host.CreateClientAsync("sue", "supervisor");
        using var agent = await _host.CreateClientAsync("bob", "agent");
        using (var created = await _admin.PutJsonAsync($"{Numbers}/+48221000100", Number("+48221000100")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var trunksBySupervisor = await supervisor.GetPathAsync(Trunks);
        using var passwordBySupervisor = await supervisor.PutJsonAsync($"{Trunks}/carrier/password", new SipPasswordChange(Secret));
        using var numberBySupervisor = await supervisor.GetPathAsync($"{Numbers}/+48221000100");
        using var numbersByAgent = await agent.GetPathAsync(Numbers);

        Assert.Equal(HttpStatusCode.Forbidden, trunksBySupervisor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, passwordBySupervisor.StatusCode);
        ApiJson.AssertSame(Number("+48221000100") with { Version = 1 }, await numberBySupervisor.ReadAsync<InboundNumber>());
        Assert.Equal(HttpStatusCode.Forbidden, numbersByAgent.StatusCode);
    }

    private static InboundNumber Number(string id) => new() { Id = id, Name = "Sales", Target = InboundNumberTargetKind.Queue, TargetId = "sales" };

    private async Task<Trunk> StoredAsync() =>
        (await _host.Services.GetRequiredService<IDocumentStore>().GetAsync<Trunk>("carrier", Cancel))!;
}
