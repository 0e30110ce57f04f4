using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Support;

/// <summary>Clients of the <see cref="WebTestHost"/> signed in with a bearer token as users of the roles a test needs.</summary>
internal static class ApiTestHost
{
    private const string Password = "test-password-1";

    /// <summary>A client signed in (bearer token) as <paramref name="user"/> holding <paramref name="roles"/>; the account
    /// is created on first use.</summary>
    public static async Task<HttpClient> CreateClientAsync(this WebTestHost host, string user, params string[] roles)
    {
        var documents = host.Services.GetRequiredService<IDocumentStore>();
        if (await documents.GetAsync<UserAccount>(user, TestContext.Current.CancellationToken) is null)
        {
            await host.AddUserAsync(user, Password, roles);
        }
        return await host.CreateBearerClientAsync(user, Password);
    }
}
