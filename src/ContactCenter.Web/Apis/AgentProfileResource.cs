using System.Collections.Immutable;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Web.Apis;

/// <summary>An agent profile as the API shows and takes it: everything but the SIP password's HA1 hashes, plus whether
/// the profile has a SIP password. The password is set with <c>PUT /agent-profiles/{id}/sip-password</c>, never with
/// the profile, so no profile body, audit entry or log line carries its hashes.</summary>
public sealed record AgentProfileResource
{
    /// <summary>Document id (also the agent grain key).</summary>
    public required string Id { get; init; }

    /// <summary>The profile's version (its ETag).</summary>
    public long Version { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Skills with levels 1-10.</summary>
    public ImmutableArray<SkillLevel> Skills { get; init; } = [];

    /// <summary>Queues the agent may serve, with priority and self-service flag.</summary>
    public ImmutableArray<QueueMembership> Queues { get; init; } = [];

    /// <summary>Capacity per medium; a medium not listed has capacity 0. Default: one voice call.</summary>
    public ImmutableArray<MediumCapacity> Capacities { get; init; } = [new(Medium.Voice, 1)];

    /// <summary>Ring per call (default) or persistent line.</summary>
    public LineMode LineMode { get; init; } = LineMode.RingPerCall;

    /// <summary>The agent answers in the workspace: ring-per-call INVITEs ask the phone to answer by itself.</summary>
    public bool AutoAnswer { get; init; }

    /// <summary>The agent's phone the front end rings; null = no voice device yet.</summary>
    public string? Phone { get; init; }

    /// <summary>External (e.g. mobile) numbers the agent can be reached on.</summary>
    public ImmutableArray<string> ExternalNumbers { get; init; } = [];

    /// <summary>Id of the no-answer policy for this agent; null = the site default.</summary>
    public string? NoAnswerPolicyId { get; init; }

    /// <summary>The user name the agent's SIP phone authenticates with; changing it drops the SIP password.</summary>
    public string? SipUsername { get; init; }

    /// <summary>Whether the profile has a SIP password (read-only: ignored when written).</summary>
    public bool HasSipPassword { get; init; }

    internal static AgentProfileResource From(AgentProfile profile) => new()
    {
        Id = profile.Id,
        Version = profile.Version,
        Name = profile.Name,
        Skills = profile.Skills.IsDefault ? [] : profile.Skills,
        Queues = profile.Queues.IsDefault ? [] : profile.Queues,
        Capacities = profile.Capacities.IsDefault ? [] : profile.Capacities,
        LineMode = profile.LineMode,
        AutoAnswer = profile.AutoAnswer,
        Phone = profile.Phone,
        ExternalNumbers = profile.ExternalNumbers.IsDefault ? [] : profile.ExternalNumbers,
        NoAnswerPolicyId = profile.NoAnswerPolicyId,
        SipUsername = profile.SipUsername,
        HasSipPassword = profile.SipPasswordMd5Ha1 is not null || profile.SipPasswordSha256Ha1 is not null,
    };

    /// <summary>The profile this resource describes, keeping the SIP password hashes of <paramref name="stored"/> (the
    /// stored profile) while the SIP user name stays the same: an HA1 covers the user name, so a renamed account needs
    /// its password set again.</summary>
    internal AgentProfile ToProfile(AgentProfile? stored)
    {
        var keep = stored is not null && string.Equals(stored.SipUsername, SipUsername, StringComparison.Ordinal);
        return new()
        {
            Id = Id,
            Version = Version,
            Name = Name,
            Skills = Skills.IsDefault ? [] : Skills,
            Queues = Queues.IsDefault ? [] : Queues,
            Capacities = Capacities.IsDefault ? [] : Capacities,
            LineMode = LineMode,
            AutoAnswer = AutoAnswer,
            Phone = Phone,
            ExternalNumbers = ExternalNumbers.IsDefault ? [] : ExternalNumbers,
            NoAnswerPolicyId = NoAnswerPolicyId,
            SipUsername = SipUsername,
            SipPasswordMd5Ha1 = keep ? stored!.SipPasswordMd5Ha1 : null,
            SipPasswordSha256Ha1 = keep ? stored!.SipPasswordSha256Ha1 : null,
        };
    }
}
