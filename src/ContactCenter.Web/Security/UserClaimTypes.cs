using System.Security.Claims;

namespace ContactCenter.Web.Security;

/// <summary>The claims of a signed-in user's principal, built from their <c>UserAccount</c> by
/// <see cref="UserAuthenticator.CreatePrincipal"/>.</summary>
public static class UserClaimTypes
{
    /// <summary>The login name (the account id).</summary>
    public const string Name = ClaimTypes.Name;

    /// <summary>One claim per role.</summary>
    public const string Role = ClaimTypes.Role;

    /// <summary>The display name.</summary>
    public const string DisplayName = "cc:display_name";

    /// <summary>One claim per extra permission, by its name (<c>ListenToRecordings</c>).</summary>
    public const string Permission = "cc:permission";

    /// <summary>The id of the agent profile the user works as, when they have one.</summary>
    public const string AgentProfileId = "cc:agent_profile";
}
