using System.Collections.Immutable;

namespace ContactCenter.Contracts.Configuration;

/// <summary>A person's account for the web role (ADM-1): sign-in, roles, extra permissions and, for someone who takes
/// interactions, the agent profile they work as. Only the password's hash is kept, never the password.</summary>
public sealed record UserAccount
{
    /// <summary>Document id: the login name.</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>The name shown in the applications.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The roles held, at least one, each of <see cref="UserRoles.All"/>.</summary>
    public ImmutableArray<string> Roles { get; init; } = [];

    /// <summary>Extra rights on top of the roles; none by default.</summary>
    public ImmutableArray<UserPermission> Permissions { get; init; } = [];

    /// <summary>Id of the <see cref="AgentProfile"/> this person works as; null = does not take interactions.</summary>
    public string? AgentProfileId { get; init; }

    /// <summary>The report access filter (ADM-2): the queues whose figures this person's reports show; empty = every
    /// queue.</summary>
    public ImmutableArray<string> ReportQueueIds { get; init; } = [];

    /// <summary>True when the account may not sign in (existing sessions end at their next request).</summary>
    public bool Disabled { get; init; }

    /// <summary>The password's hash as ASP.NET Core Identity's <c>PasswordHasher</c> writes it (PBKDF2, base64 with a
    /// format marker); null = no local password (the account cannot sign in with one; the seam for directory sign-in).
    /// Never a clear password: validation refuses anything that is not such a hash.</summary>
    public string? PasswordHash { get; init; }
}
