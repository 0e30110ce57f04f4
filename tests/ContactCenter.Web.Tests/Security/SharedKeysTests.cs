using System.Net;
using ContactCenter.Actors.Postgres;
using ContactCenter.Storage.Migrations;
using ContactCenter.TestSupport;
using ContactCenter.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Security;

/// <summary>Two web nodes of one site on one PostgreSQL key ring: a session or token issued by one is accepted by the
/// other (HA-1: the browser keeps working when its node goes away).</summary>
public sealed class SharedKeysTests
{
    [Fact]
    public async Task A_cookie_and_a_token_issued_by_one_web_node_are_accepted_by_another()
    {
        if (PostgresTestDatabase.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }
        await using var database = await PostgresTestDatabase.CreateAsync();
        await new MigrationRunner(database.DataSource).MigrateStorageAsync(TestContext.Current.CancellationToken);
        void SharedKeys(IServiceCollection services) => services.AddPostgresDataProtectionKeys(database.DataSource);
        await using var first = await WebTestHost.StartAsync(SharedKeys);
        await using var second = await WebTestHost.StartAsync(SharedKeys);
        // Both nodes read one document store in a real site; here each has its own, so the account exists in both.
        await first.AddUserAsync("ada", "ada-password-1", ["admin"]);
        await second.AddUserAsync("ada", "ada-password-1", ["admin"]);

        var (browser, cookies) = first.CreateBrowserClient();
        using (browser)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await browser.LoginAsync("ada", "ada-password-1")).StatusCode);
        }
        var (other, otherCookies) = second.CreateBrowserClient();
        otherCookies.Cookies.Add(cookies.Cookies.GetAllCookies());
        using (other)
        {
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(SecurityTestExtensions.Api("/auth/me"), TestContext.Current.CancellationToken)).StatusCode);
        }
        using var bearer = await first.CreateBearerClientAsync("ada", "ada-password-1");
        using var elsewhere = second.CreateClient();
        elsewhere.DefaultRequestHeaders.Authorization = bearer.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync(SecurityTestExtensions.Api("/auth/me"), TestContext.Current.CancellationToken)).StatusCode);
    }
}
