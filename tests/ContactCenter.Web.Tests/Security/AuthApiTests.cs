using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Apis;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ContactCenter.Web.Tests.Security.SecurityTestExtensions;

namespace ContactCenter.Web.Tests.Security;

public sealed class AuthApiTests
{
    private const string Password = "correct horse battery staple";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cookie_sign_in_gives_a_session_that_reads_the_user()
    {
        await using var host = await SecuredWebApp.StartAsync();
        await host.AddUserAsync("anna", Password, [UserRoles.Agent, UserRoles.Supervisor],
            permissions: [UserPermission.ListenToRecordings], agentProfileId: "anna-profile");
        var (client, _) = host.CreateBrowserClient();
        using var _client = client;

        using var login = await client.LoginAsync("anna", Password);
        var me = await client.GetFromJsonAsync<CurrentUserResponse>(Api("/auth/me"), Json, Cancel);

        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        Assert.NotNull(me);
        Assert.Equal(("anna", "User anna", "anna-profile"), (me.UserName, me.DisplayName, me.AgentProfileId));
        Assert.Equal([UserRoles.Agent, UserRoles.Supervisor], me.Roles);
        Assert.Equal([UserPermission.ListenToRecordings], me.Permissions);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        await using var host = await SecuredWebApp.StartAsync();
        await host.AddUserAsync("anna", Password, [UserRoles.Agent]);
        using var client = host.CreateClient();

        using var login = await client.LoginAsync("anna", Password);

        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("cc.session=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Null(login.Headers.Location);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401_problem()
    {
        await using var host = await SecuredWebApp.StartAsync();
        await host.AddUserAsync("anna", Password, [UserRoles.Agent]);
        using var client = host.CreateClient();

        using var wrongPassword = await client.LoginAsync("anna", "wrong");
        using var unknownUser = await client.LoginAsync("nobody", Password);
        using var wrongToken = await client.PostAsJsonAsync(Api("/auth/token"), new { userName = "anna", password = "wrong" }, Cancel);

        var expected = await ProblemAsync(wrongPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal("application/problem+json", wrongPassword.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await ProblemAsync(unknownUser));
        Assert.Equal(expected, await ProblemAsync(wrongToken));
        Assert.False(wrongPassword.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        await using var host = await SecuredWebApp.StartAsync();
        await host.AddUserAsync("anna", Password, [UserRoles.Agent], disabled: true);
        using var client = host.CreateClient();

        using var login = await client.LoginAsync("anna", Password);
        using var token = await client.PostAsJsonAsync(Api("/auth/token"), new { userName = "anna", password = Password }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_session_at_the_next_request()
    {
        await using var host = await SecuredWebApp.StartAsync();
        var anna = await host.AddUserAsync("anna", Password, [UserRoles.Agent]);
        var (client, _) = host.CreateBrowserClient();
        using var _client = client;
        using var login = await client.LoginAsync("anna", Password);

        await host.Services.GetRequiredService<IDocumentStore>().UpdateAsync(anna with { Disabled = true }, anna.Version, Cancel);
        using var me = await client.GetAsync(Api("/auth/me"), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_from_the_token_endpoint_reads_the_user()
    {
        await using var host = await SecuredWebApp.StartAsync();
        await host.AddUserAsync("board", Password, [UserRoles.Wallboard]);
        using var client = host.CreateClient();

        using var response = await client.PostAsJsonAsync(Api("/auth/token"), new { userName = "board", password = Password }, Cancel);
        var token = await response.Content.ReadFromJsonAsync<AccessTokenResponse>(Cancel);
        using var request = new HttpRequestMessage(HttpMethod.Get, Api("/auth/me"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        using var me = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", token.TokenType);
        Assert.True(token.ExpiresIn > 0);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var user = await me.Content.ReadFromJsonAsync<CurrentUserResponse>(Json, Cancel);
        Assert.Equal("board", user!.UserName);
        Assert.Equal([UserRoles.Wallboard], user.Roles);
    }

    [Fact]
    public async Task A_forged_bearer_token_is_refused()
    {
        await using var host = await SecuredWebApp.StartAsync();
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var me = await client.GetAsync(Api("/auth/me"), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Without_credentials_the_user_is_401_and_never_redirected()
    {
        await using var host = await SecuredWebApp.StartAsync();
        using var client = host.CreateClient();

        using var me = await client.GetAsync(Api("/auth/me"), Cancel);
        using var logout = await client.PostAsync(Api("/auth/logout"), null, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Null(me.Headers.Location);
        Assert.Equal(HttpStatusCode.Unauthorized, logout.StatusCode);
    }

    [Fact]
    public async Task An_outdated_password_hash_is_upgraded_at_sign_in()
    {
        await using var host = await SecuredWebApp.StartAsync();
        var weak = new PasswordHasher<UserAccount>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        var stored = await host.AddUserAsync("anna", Password, [UserRoles.Agent], hasher: weak);
        using var client = host.CreateClient();

        using var login = await client.LoginAsync("anna", Password);
        var upgraded = await host.Services.GetRequiredService<IDocumentStore>().GetAsync<UserAccount>("anna", Cancel);

        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        Assert.Equal(stored.Version + 1, upgraded!.Version);
        Assert.NotEqual(stored.PasswordHash, upgraded.PasswordHash);
        var hasher = host.Services.GetRequiredService<IPasswordHasher<UserAccount>>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(upgraded, upgraded.PasswordHash!, Password));
        using var again = await client.LoginAsync("anna", Password);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(upgraded.Version, (await host.Services.GetRequiredService<IDocumentStore>().GetAsync<UserAccount>("anna", Cancel))!.Version);
    }

    [Fact]
    public async Task Logout_ends_the_cookie_session()
    {
        await using var host = await SecuredWebApp.StartAsync();
        await host.AddUserAsync("anna", Password, [UserRoles.Agent]);
        var (client, cookies) = host.CreateBrowserClient();
        using var _client = client;
        using var login = await client.LoginAsync("anna", Password);
        var session = cookies.Cookies.GetCookieHeader(client.BaseAddress!);

        using var logout = await client.PostAsync(Api("/auth/logout"), null, Cancel);
        using var after = await client.GetAsync(Api("/auth/me"), Cancel);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Empty(cookies.Cookies.GetCookieHeader(client.BaseAddress!));
        Assert.NotEmpty(session);
    }

    public static TheoryData<string, string[]> MalformedBodies => new()
    {
        { """{"password":"x"}""", ["userName"] },
        { """{"userName":"anna"}""", ["password"] },
        { """{}""", ["password", "userName"] },
        { """{"userName":"","password":""}""", ["password", "userName"] },
        { $$"""{"userName":"{{new string('a', 257)}}","password":"x"}""", ["userName"] },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_sign_in_body_is_a_400_problem_naming_the_fields(string body, string[] fields)
    {
        await using var host = await SecuredWebApp.StartAsync();
        using var client = host.CreateClient();

        foreach (var path in new[] { "/auth/login", "/auth/token" })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(Api(path), content, Cancel);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
            Assert.Equal(fields, problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem()
    {
        await using var host = await SecuredWebApp.StartAsync();
        using var client = host.CreateClient();
        using var content = new StringContent("{not json", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(Api("/auth/login"), content, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        // traceId differs per request; everything else must be identical.
        return string.Join("|", problem.RootElement.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
    }
}
