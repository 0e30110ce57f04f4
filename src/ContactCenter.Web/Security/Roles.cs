namespace ContactCenter.Web.Security;

/// <summary>The roles a user account can hold (ADM-1); a person may hold several.</summary>
public static class Roles
{
    /// <summary>Configures everything: users, queues, skills, settings; reads the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>Watches and steers agents and queues; reads configuration.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Handles interactions in the agent workspace.</summary>
    public const string Agent = "agent";

    /// <summary>A wall display: reads aggregates only.</summary>
    public const string Wallboard = "wallboard";

    /// <summary>Every role, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Supervisor, Agent, Wallboard];
}
