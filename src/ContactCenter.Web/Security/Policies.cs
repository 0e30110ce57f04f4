namespace ContactCenter.Web.Security;

/// <summary>The authorization policies every endpoint and hub method names (none is left to a default): the roles each
/// admits are <see cref="RolesAdmittedBy"/>, registered by
/// <see cref="WebSecurityServiceCollectionExtensions.AddWebSecurity"/>. An endpoint that names no policy still needs a
/// signed-in user (the fallback policy), and only sign-in, the OpenAPI document and health are anonymous.</summary>
public static class Policies
{
    /// <summary>Admins only: configuration changes, users, the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>Admins and supervisors: reading configuration, steering agents, live views of everyone.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Agents (and supervisors and admins, who may also take calls): the agent workspace, contacts.</summary>
    public const string Agent = "agent";

    /// <summary>Wallboards, supervisors and admins: aggregates.</summary>
    public const string Wallboard = "wallboard";

    /// <summary>Any signed-in user, whatever their roles: their own account.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Every policy, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Supervisor, Agent, Wallboard, SignedIn];

    /// <summary>The roles <paramref name="policy"/> admits (any one suffices); <see cref="SignedIn"/> admits every
    /// role. <see cref="ArgumentOutOfRangeException"/> for a name that is not a policy.</summary>
    public static IReadOnlyList<string> RolesAdmittedBy(string policy) => policy switch
    {
        Admin => [Roles.Admin],
        Supervisor => [Roles.Admin, Roles.Supervisor],
        Agent => [Roles.Admin, Roles.Supervisor, Roles.Agent],
        Wallboard => [Roles.Admin, Roles.Supervisor, Roles.Wallboard],
        SignedIn => Roles.All,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "not an authorization policy"),
    };
}
