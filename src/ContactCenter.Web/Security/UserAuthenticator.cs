using System.Security.Claims;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Web.Security;

/// <summary>Checks a user name and password against the <see cref="UserAccount"/> documents and builds the signed-in
/// user's principal. Unknown users, wrong passwords, accounts without a password and disabled accounts all come out as
/// null (the client cannot tell them apart); each is logged with the user name, never the password.</summary>
public sealed partial class UserAuthenticator(
    IDocumentStore store, IPasswordHasher<UserAccount> hasher, ILogger<UserAuthenticator> logger) : IUserAuthenticator
{
    // Verifying against this when the user is unknown makes that answer take as long as a wrong password, so the
    // timing does not tell which user names exist.
    private readonly Lazy<string> _decoyHash = new(() => hasher.HashPassword(Decoy, Guid.NewGuid().ToString("N")));

    private static readonly UserAccount Decoy = new() { Id = "decoy", DisplayName = "decoy", Roles = [UserRoles.Agent] };

    /// <summary>The local accounts' <see cref="IUserAuthenticator.AuthenticateAsync"/>: the principal of
    /// <paramref name="userName"/> for <paramref name="scheme"/> when the password is right and the account enabled, else null. A hash the hasher would now write differently (an older format or fewer
    /// iterations) is replaced by a fresh one (compare-and-swap; losing a race to another write keeps the old hash).</summary>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(string userName, string password, string scheme,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        var account = await store.GetAsync<UserAccount>(userName, cancellationToken).ConfigureAwait(false);
        if (account?.PasswordHash is null)
        {
            hasher.VerifyHashedPassword(Decoy, _decoyHash.Value, password);
            LogSignInRefused(logger, userName, account is null ? SignInFailure.UnknownUser : SignInFailure.NoPassword);
            return null;
        }
        var result = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            LogSignInRefused(logger, userName, SignInFailure.WrongPassword);
            return null;
        }
        if (account.Disabled)
        {
            LogSignInRefused(logger, userName, SignInFailure.Disabled);
            return null;
        }
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account = await RehashAsync(account, password, cancellationToken).ConfigureAwait(false);
        }
        LogSignedIn(logger, account.Id, scheme);
        return CreatePrincipal(account, scheme);
    }

    /// <summary>The principal of a signed-in user as their account now stands (roles and permissions may have changed),
    /// or null when the account is gone or disabled: the session must end.</summary>
    public async Task<ClaimsPrincipal?> RefreshAsync(ClaimsPrincipal principal, string scheme,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var userName = principal.FindFirstValue(UserClaimTypes.Name);
        if (userName is null)
        {
            return null;
        }
        var account = await store.GetAsync<UserAccount>(userName, cancellationToken).ConfigureAwait(false);
        if (account is null || account.Disabled)
        {
            LogSessionEnded(logger, userName);
            return null;
        }
        return CreatePrincipal(account, scheme);
    }

    /// <summary>The principal of <paramref name="account"/>: name, display name, one claim per role and per permission,
    /// the agent profile id when there is one (<see cref="UserClaimTypes"/>).</summary>
    public static ClaimsPrincipal CreatePrincipal(UserAccount account, string scheme)
    {
        ArgumentNullException.ThrowIfNull(account);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, account.Id),
            new(UserClaimTypes.Name, account.Id),
            new(UserClaimTypes.DisplayName, account.DisplayName),
        ];
        claims.AddRange(account.Roles.Select(role => new Claim(UserClaimTypes.Role, role)));
        claims.AddRange(account.Permissions.Select(permission => new Claim(UserClaimTypes.Permission, permission.ToString())));
        if (account.AgentProfileId is not null)
        {
            claims.Add(new Claim(UserClaimTypes.AgentProfileId, account.AgentProfileId));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, UserClaimTypes.Name, UserClaimTypes.Role));
    }

    private async Task<UserAccount> RehashAsync(UserAccount account, string password, CancellationToken cancellationToken)
    {
        var rehashed = account with { PasswordHash = hasher.HashPassword(account, password) };
        try
        {
            account = await store.UpdateAsync(rehashed, account.Version, cancellationToken).ConfigureAwait(false);
            LogPasswordRehashed(logger, account.Id);
        }
        catch (DocumentVersionConflictException)
        {
            // Someone changed the account meanwhile; their write wins and the next sign-in tries again.
            LogPasswordRehashLost(logger, account.Id);
        }
        return account;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Sign-in refused for user '{UserName}': {Reason}")]
    private static partial void LogSignInRefused(ILogger logger, string userName, SignInFailure reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "User '{UserName}' signed in ({Scheme})")]
    private static partial void LogSignedIn(ILogger logger, string userName, string scheme);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "The password hash of user '{UserName}' was upgraded")]
    private static partial void LogPasswordRehashed(ILogger logger, string userName);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "The password hash of user '{UserName}' was not upgraded: the account changed meanwhile")]
    private static partial void LogPasswordRehashLost(ILogger logger, string userName);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information,
        Message = "The session of user '{UserName}' ended: the account is gone or disabled")]
    private static partial void LogSessionEnded(ILogger logger, string userName);
}
