using System.Net;
using System.Text.Json;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Audit;
using ContactCenter.Web.Apis;
using ContactCenter.Web.Tests.Security;
using ContactCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Users;

/// <summary>Admins manage user accounts: an account is created without a password, given one through its own
/// endpoint, replaced without losing it, validated by field, and no response or audit entry carries a password or
/// its hash.</summary>
public sealed class UsersApiTests : IAsyncLifetime
{
    private const string Users = "/api/v1/users";
    private const string Password = "correct-horse-battery";

    private WebTestHost _host = null!;
    private HttpClient _admin = null!;

    private static UserResource Bob => new() { Id = "bob", DisplayName = "Bob Agent", Roles = [UserRoles.Agent], AgentProfileId = "bob" };

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
    public async Task An_account_is_created_without_a_password_signs_in_once_given_one_and_keeps_it_when_replaced()
    {
        using var created = await _admin.PutJsonAsync($"{Users}/bob", Bob);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False((await created.ReadAsync<UserResource>()).HasPassword);
        var (browser, _) = _host.CreateBrowserClient();
        using (var refused = await browser.LoginAsync("bob", Password))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var set = await _admin.PutJsonAsync($"{Users}/bob/password", new PasswordChange(Password));
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        using (var signedIn = await browser.LoginAsync("bob", Password))
        {
            Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
        }

        using var read = await _admin.GetPathAsync($"{Users}/bob");
        var body = await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("passwordHash", body, StringComparison.OrdinalIgnoreCase);
        var bob = JsonSerializer.Deserialize<UserResource>(body, ApiJson.Options)!;
        Assert.True(bob.HasPassword);
        using var replaced = await _admin.PutJsonAsync($"{Users}/bob", bob with { DisplayName = "Bob B.", HasPassword = false, ReportQueueIds = ["sales"] },
            ifMatch: read.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var stored = await replaced.ReadAsync<UserResource>();
        Assert.Equal(("Bob B.", true), (stored.DisplayName, stored.HasPassword));
        Assert.Equal(["sales"], stored.ReportQueueIds);
        using var again = await browser.LoginAsync("bob", Password);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        browser.Dispose();
    }

    [Fact]
    public async Task Invalid_accounts_and_passwords_answer_400_by_field_and_change_nothing()
    {
        using var badRole = await _admin.PutJsonAsync($"{Users}/eve", Bob with { Id = "eve", Roles = ["root"] });
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains(await badRole.ReadFieldErrorsAsync(), e => e.Key.StartsWith("roles", StringComparison.OrdinalIgnoreCase));
        using var badFilter = await _admin.PutJsonAsync($"{Users}/eve", Bob with { Id = "eve", ReportQueueIds = ["sales", "sales"] });
        Assert.Contains(await badFilter.ReadFieldErrorsAsync(), e => e.Key.StartsWith("reportQueueIds", StringComparison.Ordinal));
        using var absent = await _admin.GetPathAsync($"{Users}/eve");
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);

        using (var created = await _admin.PutJsonAsync($"{Users}/bob", Bob))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        using var tooShort = await _admin.PutJsonAsync($"{Users}/bob/password", new PasswordChange("short"));
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(["password"], (await tooShort.ReadFieldErrorsAsync()).Keys);
        using var nobody = await _admin.PutJsonAsync($"{Users}/nobody/password", new PasswordChange(Password));
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.False((await (await _admin.GetPathAsync($"{Users}/bob")).ReadAsync<UserResource>()).HasPassword);
    }

    [Fact]
    public async Task The_last_enabled_admin_is_not_demoted_disabled_or_deleted_while_another_admin_frees_them()
    {
        using var read = await _admin.GetPathAsync($"{Users}/ada");
        var ada = await read.ReadAsync<UserResource>();
        var etag = read.Headers.ETag!.ToString();

        using var demoted = await _admin.PutJsonAsync($"{Users}/ada", ada with { Roles = [UserRoles.Supervisor] }, ifMatch: etag);
        using var disabled = await _admin.PutJsonAsync($"{Users}/ada", ada with { Disabled = true }, ifMatch: etag);
        using var deleted = await _admin.DeleteIfMatchAsync($"{Users}/ada", etag);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest],
            new[] { demoted.StatusCode, disabled.StatusCode, deleted.StatusCode });
        Assert.Equal(["roles"], (await demoted.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["disabled"], (await disabled.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["id"], (await deleted.ReadFieldErrorsAsync()).Keys);
        using (var second = await _admin.PutJsonAsync($"{Users}/bea", Bob with { Id = "bea", Roles = [UserRoles.Admin], AgentProfileId = null }))
        {
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        }
        using var demotedNow = await _admin.PutJsonAsync($"{Users}/ada", ada with { Roles = [UserRoles.Supervisor] }, ifMatch: etag);
        Assert.Equal(HttpStatusCode.OK, demotedNow.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_changes_their_own_password_after_proving_the_current_one()
    {
        await _host.AddUserAsync("bob", Password, [UserRoles.Agent]);
        var (bob, _) = _host.CreateBrowserClient();
        using (var signedIn = await bob.LoginAsync("bob", Password))
        {
            Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
        }

        using var wrongCurrent = await bob.PutJsonAsync("/api/v1/auth/password", new OwnPasswordChange("not-the-password", "a-new-long-password"));
        using var tooShort = await bob.PutJsonAsync("/api/v1/auth/password", new OwnPasswordChange(Password, "short"));
        using var changed = await bob.PutJsonAsync("/api/v1/auth/password", new OwnPasswordChange(Password, "a-new-long-password"));

        Assert.Equal(["currentPassword"], (await wrongCurrent.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["newPassword"], (await tooShort.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var (fresh, _) = _host.CreateBrowserClient();
        using var oldRefused = await fresh.LoginAsync("bob", Password);
        using var newAccepted = await fresh.LoginAsync("bob", "a-new-long-password");
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.NoContent), (oldRefused.StatusCode, newAccepted.StatusCode));
        bob.Dispose();
        fresh.Dispose();
    }

    [Fact]
    public async Task The_audit_log_records_every_account_write_without_a_password_or_its_hash()
    {
        using (var created = await _admin.PutJsonAsync($"{Users}/bob", Bob))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        using (var set = await _admin.PutJsonAsync($"{Users}/bob/password", new PasswordChange(Password)))
        {
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        }
        using (var refused = await _admin.PutJsonAsync($"{Users}/bob/password", new PasswordChange("short")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        var entries = (await _host.Services.GetRequiredService<IAuditLog>()
            .QueryAsync(new AuditQuery { Kind = "userAccount" }, TestContext.Current.CancellationToken)).Items;

        Assert.Equal(["userAccount.create", "userAccount.password", "userAccount.password"], entries.OrderBy(e => e.Sequence).Select(e => e.Action));
        Assert.Equal([AuditOutcome.Succeeded, AuditOutcome.Succeeded, AuditOutcome.Invalid], entries.OrderBy(e => e.Sequence).Select(e => e.Outcome));
        var hash = (await _host.Services.GetRequiredService<Storage.Documents.IDocumentStore>()
            .GetAsync<UserAccount>("bob", TestContext.Current.CancellationToken))!.PasswordHash!;
        foreach (var text in entries.SelectMany(e => new[] { e.Before, e.After }).OfType<string>())
        {
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("short", text, StringComparison.Ordinal);
            Assert.DoesNotContain(hash, text, StringComparison.Ordinal);
        }
    }
}
