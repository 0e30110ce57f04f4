using System.Net;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Security;

public sealed class DemoUsersTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_enabled_on_an_empty_store_every_demo_user_can_sign_in_with_its_documented_password()
    {
        await using var host = await SecuredWebApp.StartAsync(security: options => options.SeedDemoUsers = true);
        using var client = host.CreateClient();

        foreach (var (account, password) in DemoUsers.Accounts)
        {
            using var login = await client.LoginAsync(account.Id, password);
            Assert.True(login.StatusCode == HttpStatusCode.NoContent, $"demo user {account.Id}: {(int)login.StatusCode}");
        }
        Assert.Equal(["admin", "agent1", "supervisor", "wallboard"], await UserIdsAsync(host));
        Assert.Equal(UserRoles.All.Order(StringComparer.Ordinal),
            DemoUsers.Accounts.SelectMany(a => a.Account.Roles).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Nothing_is_seeded_by_default()
    {
        await using var host = await SecuredWebApp.StartAsync();

        Assert.Empty(await UserIdsAsync(host));
    }

    [Fact]
    public async Task Nothing_is_seeded_when_any_user_account_exists()
    {
        var store = new InMemoryDocumentStore();
        await store.CreateAsync(new UserAccount { Id = "root", DisplayName = "Root", Roles = [UserRoles.Admin] }, Cancel);

        await using var host = await SecuredWebApp.StartAsync(
            security: options => options.SeedDemoUsers = true,
            configure: services => services.AddSingleton<IDocumentStore>(store));

        Assert.Equal(["root"], await UserIdsAsync(host));
    }

    private static async Task<List<string>> UserIdsAsync(WebTestHost host)
    {
        var page = await host.Services.GetRequiredService<IDocumentStore>().ListAsync<UserAccount>(cancellationToken: Cancel);
        return [.. page.Items.Select(u => u.Id)];
    }
}
