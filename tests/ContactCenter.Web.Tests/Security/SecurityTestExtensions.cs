using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Security;

/// <summary>Users and signed-in clients for the security tests.</summary>
internal static class SecurityTestExtensions
{
    public static Uri Api(string path) => new($"{WebApplicationExtensions.ApiPrefix}{path}", UriKind.Relative);

    /// <summary>Stores an account with <paramref name="password"/> hashed by the host's hasher (or
    /// <paramref name="hasher"/>).</summary>
    public static async Task<UserAccount> AddUserAsync(this WebTestHost host, string id, string password, string[] roles,
        bool disabled = false, IPasswordHasher<UserAccount>? hasher = null, UserPermission[]? permissions = null,
        string? agentProfileId = null)
    {
        hasher ??= host.Services.GetRequiredService<IPasswordHasher<UserAccount>>();
        var account = new UserAccount
        {
            Id = id,
            DisplayName = $"User {id}",
            Roles = [.. roles],
            Permissions = [.. permissions ?? []],
            AgentProfileId = agentProfileId,
            Disabled = disabled,
        };
        account = account with { PasswordHash = hasher.HashPassword(account, password) };
        return await host.Services.GetRequiredService<IDocumentStore>().CreateAsync(account, TestContext.Current.CancellationToken);
    }

    /// <summary>A client that keeps the cookies the server sets, like a browser.</summary>
    public static (HttpClient Client, CookieHandler Cookies) CreateBrowserClient(this WebTestHost host)
    {
        var server = (TestServer)host.Services.GetRequiredService<IServer>();
        var cookies = new CookieHandler(server.CreateHandler());
        return (new HttpClient(cookies) { BaseAddress = server.BaseAddress }, cookies);
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync(Api("/auth/login"), new { userName, password }, TestContext.Current.CancellationToken);

    /// <summary>A client sending a bearer token of <paramref name="userName"/>.</summary>
    public static async Task<HttpClient> CreateBearerClientAsync(this WebTestHost host, string userName, string password)
    {
        var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync(Api("/auth/token"), new { userName, password },
            TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"token for {userName}: {(int)response.StatusCode}");
        var token = await response.Content.ReadFromJsonAsync<AccessTokenResponse>(TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }
}
