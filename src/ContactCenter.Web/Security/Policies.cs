namespace ContactCenter.Web.Security;

/// <summary>The authorization policies every endpoint and hub method names (none is left to a default): the roles each
/// admits are registered with the security services, in one place.</summary>
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

    /// <summary>Any signed-in user: their own account.</summary>
    public const string SignedIn = "signed-in";
}
