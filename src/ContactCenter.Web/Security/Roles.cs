using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Web.Security;

/// <summary>The roles a user account can hold (ADM-1), as the web role names them; the names are
/// <see cref="UserRoles"/>'s, which the account documents store.</summary>
public static class Roles
{
    /// <summary><see cref="UserRoles.Admin"/>.</summary>
    public const string Admin = UserRoles.Admin;

    /// <summary><see cref="UserRoles.Supervisor"/>.</summary>
    public const string Supervisor = UserRoles.Supervisor;

    /// <summary><see cref="UserRoles.Agent"/>.</summary>
    public const string Agent = UserRoles.Agent;

    /// <summary><see cref="UserRoles.Wallboard"/>.</summary>
    public const string Wallboard = UserRoles.Wallboard;

    /// <summary>Every role, in the order above.</summary>
    public static IReadOnlyList<string> All => UserRoles.All;
}
