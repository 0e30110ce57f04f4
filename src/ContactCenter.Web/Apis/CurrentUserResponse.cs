using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Web.Apis;

/// <summary>The signed-in user, as <c>GET /auth/me</c> answers.</summary>
/// <param name="UserName">The login name.</param>
/// <param name="DisplayName">The name shown in the applications.</param>
/// <param name="Roles">The roles held (<see cref="UserRoles"/>).</param>
/// <param name="Permissions">The extra permissions.</param>
/// <param name="AgentProfileId">The agent profile the user works as; null when none.</param>
public sealed record CurrentUserResponse(
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<UserPermission> Permissions,
    string? AgentProfileId);
