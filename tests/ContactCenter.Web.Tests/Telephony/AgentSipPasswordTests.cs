using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Audit;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Apis;
using ContactCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Telephony;

/// <summary>An agent's SIP password: stored only as its MD5 and SHA-256 HA1 for the site's realm, kept when the
/// profile is replaced under the same SIP user name and dropped when the name changes, never settable through the
/// profile, returned or audited.</summary>
public sealed class AgentSipPasswordTests : IAsyncLifetime
{
    private const string Profiles = "/api/v1/agent-profiles";
    private const string Password = "correct-horse-9";

    // H("anna:acme:correct-horse-9") and H("anna:contactcenter:correct-horse-9"), computed outside .NET (Python's
    // hashlib) so the test does not share the code under test.
    private const string AcmeMd5 = "a6308951d188405efff565971adaef58";
    private const string AcmeSha256 = "d40a4ec02077d05a9aa0999ff980a74f24d713fbf0efc1f187fbcd1d66339163";
    private const string DefaultRealmMd5 = "77fe27406541eeecf8d956532d2bb341";
    private const string DefaultRealmSha256 = "155a484c086a930e089772f05023d1d6a32a5a04ecacfda8d85f7bba21ab006f";

    private WebTestHost _host = null!;
    private HttpClient _admin = null!;

    private static AgentProfileResource Anna => new() { Id = "anna", Name = "Anna", SipUsername = "anna" };

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
    public async Task Without_site_settings_the_hashes_are_for_the_default_realm()
    {
        await CreateAnnaAsync();

        using var set = await _admin.PutJsonAsync($"{Profiles}/anna/sip-password", new SipPasswordChange(Password));

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        var stored = await StoredAsync();
        Assert.Equal((DefaultRealmMd5, DefaultRealmSha256), (stored.SipPasswordMd5Ha1, stored.SipPasswordSha256Ha1));
    }

    [Fact]
    public async Task The_hashes_are_for_the_site_realm_kept_on_replace_never_returned_and_dropped_when_the_user_name_changes()
    {
        using (var settings = await _admin.PutJsonAsync("/api/v1/site-settings", new JsonObject { ["sipRealm"] = "acme" }))
        {
            Assert.Equal(HttpStatusCode.Created, settings.StatusCode);
        }
        await CreateAnnaAsync();

        using var set = await _admin.PutJsonAsync($"{Profiles}/anna/sip-password", new SipPasswordChange(Password));
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal((AcmeMd5, AcmeSha256), await HashesAsync());

        using var read = await _admin.GetPathAsync($"{Profiles}/anna");
        using var list = await _admin.GetPathAsync(Profiles);
        foreach (var raw in new[] { await read.Content.ReadAsStringAsync(Cancel), await list.Content.ReadAsStringAsync(Cancel) })
        {
            Assert.DoesNotContain("sipPasswordMd5Ha1", raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("sipPasswordSha256Ha1", raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(AcmeMd5, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(AcmeSha256, raw, StringComparison.Ordinal);
            Assert.Contains("\"hasSipPassword\":true", raw, StringComparison.Ordinal);
        }

        // Hashes in a profile body are ignored: the same user name keeps the stored ones.
        var body = JsonNode.Parse(await read.Content.ReadAsStringAsync(Cancel))!.AsObject();
        body["name"] = "Anna N.";
        body["sipPasswordMd5Ha1"] = new string('0', 32);
        body["sipPasswordSha256Ha1"] = new string('0', 64);
        using var replaced = await _admin.PutJsonAsync($"{Profiles}/anna", body, ifMatch: "\"2\"");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal((AcmeMd5, AcmeSha256), await HashesAsync());
        Assert.DoesNotContain(AcmeMd5, (await StoredAsync()).ToString(), StringComparison.Ordinal);

        body["sipUsername"] = "anna.n";
        using var renamed = await _admin.PutJsonAsync($"{Profiles}/anna", body, ifMatch: "\"3\"");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.False((await renamed.ReadAsync<AgentProfileResource>()).HasSipPassword);
        Assert.Equal((null, null), await HashesAsync());
    }

    [Fact]
    public async Task A_profile_without_a_sip_user_name_or_a_short_password_answers_400_and_the_audit_has_no_secret()
    {
        await CreateAnnaAsync(Anna with { SipUsername = null });
        using var noUser = await _admin.PutJsonAsync($"{Profiles}/anna/sip-password", new SipPasswordChange(Password));
        using var badUser = await _admin.PutJsonAsync($"{Profiles}/anna", Anna with { SipUsername = "anna@pbx" }, ifMatch: "\"1\"");
        using var named = await _admin.PutJsonAsync($"{Profiles}/anna", Anna, ifMatch: "\"1\"");
        using var tooShort = await _admin.PutJsonAsync($"{Profiles}/anna/sip-password", new SipPasswordChange("short"));
        using var set = await _admin.PutJsonAsync($"{Profiles}/anna/sip-password", new SipPasswordChange(Password));
        using var absent = await _admin.PutJsonAsync($"{Profiles}/nobody/sip-password", new SipPasswordChange(Password));
        using var supervisor = await _host.CreateClientAsync("sue", "supervisor");
        using var bySupervisor = await supervisor.PutJsonAsync($"{Profiles}/anna/sip-password", new SipPasswordChange(Password));

        Assert.Equal(["sipUsername"], (await noUser.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["sipUsername"], (await badUser.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal(["password"], (await tooShort.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bySupervisor.StatusCode);

        var entries = (await _host.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Kind = "agentProfile" }, Cancel)).Items
            .OrderBy(e => e.Sequence).ToList();
        Assert.Equal(["agentProfile.create", "agentProfile.sipPassword", "agentProfile.update", "agentProfile.update",
            "agentProfile.sipPassword", "agentProfile.sipPassword"], entries.Select(e => e.Action));
        Assert.Equal([AuditOutcome.Succeeded, AuditOutcome.Invalid, AuditOutcome.Invalid, AuditOutcome.Succeeded, AuditOutcome.Invalid,
            AuditOutcome.Succeeded], entries.Select(e => e.Outcome));
        foreach (var text in entries.SelectMany(e => new[] { e.Before, e.After }).OfType<string>())
        {
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("short", text, StringComparison.Ordinal);
            Assert.DoesNotContain(DefaultRealmMd5, text, StringComparison.Ordinal);
            Assert.DoesNotContain(DefaultRealmSha256, text, StringComparison.Ordinal);
        }
    }

    private async Task CreateAnnaAsync(AgentProfileResource? profile = null)
    {
        using var created = await _admin.PutJsonAsync($"{Profiles}/anna", profile ?? Anna);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    private async Task<(string? Md5, string? Sha256)> HashesAsync()
    {
        var stored = await StoredAsync();
        return (stored.SipPasswordMd5Ha1, stored.SipPasswordSha256Ha1);
    }

    private async Task<AgentProfile> StoredAsync() =>
        (await _host.Services.GetRequiredService<IDocumentStore>().GetAsync<AgentProfile>("anna", Cancel))!;
}
