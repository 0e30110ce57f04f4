namespace ContactCenter.Contracts.Configuration;

/// <summary>The roles a <see cref="UserAccount"/> can hold (ADM-1); a person may hold several. What each role may do is
/// decided by the web role's authorization policies.</summary>
public static class UserRoles
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

    /// <summary>True when <paramref name="role"/> is one of <see cref="All"/> (ordinal: role names are lower case).</summary>
    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
