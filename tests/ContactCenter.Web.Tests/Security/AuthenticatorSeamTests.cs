using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Web.Apis;
using ContactCenter.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static ContactCenter.Web.Tests.Security.SecurityTestExtensions;

namespace ContactCenter.Web.Tests.Security;

/// <summary>Another identity source (a directory) plugs in as <see cref="IUserAuthenticator"/>: sign-in and the
/// session's revalidation go through it, not through the local accounts.</summary>
public sealed class AuthenticatorSeamTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A directory that knows one person and can end their sessions.</summary>
    private sealed class Directory : IUserAuthenticator
    {
        public volatile bool Left;

        public Task<ClaimsPrincipal?> AuthenticateAsync(string userName, string password, string scheme, CancellationToken cancellationToken = default) =>
            Task.FromResult(userName == "dora" && password == "from-the-directory" && !Left ? Principal(scheme) : null);

        public Task<ClaimsPrincipal?> RefreshAsync(ClaimsPrincipal principal, string scheme, CancellationToken cancellationToken = default) =>
            Task.FromResult(Left ? null : Principal(scheme));

        private static ClaimsPrincipal Principal(string scheme) => UserAuthenticator.CreatePrincipal(
            new UserAccount { Id = "dora", DisplayName = "Dora from the directory", Roles = [UserRoles.Supervisor] }, scheme);
    }

    [Fact]
    public async Task A_replacement_authenticator_signs_in_people_without_a_local_account_and_ends_their_sessions()
    {
        var directory = new Directory();
        await using var host = await SecuredWebApp.StartAsync(configure: services => services.Replace(ServiceDescriptor.Singleton<IUserAuthenticator>(directory)));
        var (client, _) = host.CreateBrowserClient();
        using var _client = client;

        using var login = await client.LoginAsync("dora", "from-the-directory");
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        var me = await client.GetFromJsonAsync<CurrentUserResponse>(Api("/auth/me"), Json, TestContext.Current.CancellationToken);
        Assert.Equal(("dora", "Dora from the directory"), (me!.UserName, me.DisplayName));
        Assert.Equal([UserRoles.Supervisor], me.Roles);

        directory.Left = true;
        using var after = await client.GetAsync(Api("/auth/me"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
