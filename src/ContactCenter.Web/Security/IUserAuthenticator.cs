using System.Security.Claims;

namespace ContactCenter.Web.Security;

/// <summary>How people prove who they are: the sign-in endpoints, the token endpoint, the own-password check and the
/// cookie's revalidation all ask this one service. <see cref="UserAuthenticator"/> checks the local accounts' password
/// hashes; another identity source (a directory over LDAP) replaces it by registering its own implementation, mapping
/// its users to principals with the claims of <see cref="UserClaimTypes"/>. A second factor belongs after
/// <see cref="AuthenticateAsync"/> and before a session or token is issued.</summary>
public interface IUserAuthenticator
{
    /// <summary>The principal of <paramref name="userName"/> for <paramref name="scheme"/> when the password is right and
    /// the account may sign in, else null (the caller cannot tell why).</summary>
    Task<ClaimsPrincipal?> AuthenticateAsync(string userName, string password, string scheme, CancellationToken cancellationToken = default);

    /// <summary>The principal of a signed-in user as their account now stands, or null when the session must end.</summary>
    Task<ClaimsPrincipal?> RefreshAsync(ClaimsPrincipal principal, string scheme, CancellationToken cancellationToken = default);
}
