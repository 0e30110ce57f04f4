using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Web.Apis;

/// <summary>A user account as the API shows and takes it (ADM-1): everything but the password hash, plus whether the
/// account has a local password. A password is set with <c>PUT /users/{id}/password</c>, never with the account, so no
/// account body, audit entry or log line ever carries one.</summary>
public sealed record UserResource
{
    /// <summary>The login name.</summary>
    public required string Id { get; init; }

    /// <summary>The account's version (its ETag).</summary>
    public long Version { get; init; }

    /// <summary>The name shown in the applications.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The roles held, at least one of admin, supervisor, agent and wallboard.</summary>
    public ImmutableArray<string> Roles { get; init; } = [];

    /// <summary>Extra rights on top of the roles.</summary>
    public ImmutableArray<UserPermission> Permissions { get; init; } = [];

    /// <summary>The agent profile this person works as; null for people who take no interactions.</summary>
    public string? AgentProfileId { get; init; }

    /// <summary>The report access filter: the queues whose figures the person's reports show; empty = every queue.</summary>
    public ImmutableArray<string> ReportQueueIds { get; init; } = [];

    /// <summary>True when the account may not sign in.</summary>
    public bool Disabled { get; init; }

    /// <summary>Whether the account has a local password (read-only: ignored when written).</summary>
    public bool HasPassword { get; init; }

    internal static UserResource From(UserAccount account) => new()
    {
        Id = account.Id,
        Version = account.Version,
        DisplayName = account.DisplayName,
        Roles = account.Roles,
        Permissions = account.Permissions,
        AgentProfileId = account.AgentProfileId,
        ReportQueueIds = account.ReportQueueIds.IsDefault ? [] : account.ReportQueueIds,
        Disabled = account.Disabled,
        HasPassword = account.PasswordHash is not null,
    };

    /// <summary>The account this resource describes, keeping <paramref name="passwordHash"/> (the stored one).</summary>
    internal UserAccount ToAccount(string? passwordHash) => new()
    {
        Id = Id,
        Version = Version,
        DisplayName = DisplayName,
        Roles = Roles.IsDefault ? [] : Roles,
        Permissions = Permissions.IsDefault ? [] : Permissions,
        AgentProfileId = AgentProfileId,
        ReportQueueIds = ReportQueueIds.IsDefault ? [] : ReportQueueIds,
        Disabled = Disabled,
        PasswordHash = passwordHash,
    };
}
