using System.Collections.Immutable;
using System.Text;

namespace ContactCenter.Contracts.Configuration;

/// <summary>An agent's routing profile: skills, queues and priorities, capacities, phone, and the SIP credentials the
/// agent's phone registers with. The credentials' HA1 hashes are set through their own endpoint, never with the rest of
/// the profile, and never printed: <see cref="ToString"/> leaves them out.</summary>
public sealed record AgentProfile
{
    /// <summary>Document id (also the agent grain key).</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
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

    /// <summary>The agent answers calls in the workspace: ring-per-call INVITEs to the phone carry the auto-answer
    /// headers (<c>Call-Info: answer-after=0</c>, <c>Alert-Info: info=alert-autoanswer</c>), a phone that honours them
    /// opens the audio at once, and the call connects when the agent accepts in the workspace. Phones that ignore the
    /// headers ring as usual. Default off.</summary>
    public bool AutoAnswer { get; init; }

    /// <summary>The agent's phone: SIP user, extension or number the front end rings; null = no voice device yet.</summary>
    public string? Phone { get; init; }

    /// <summary>External (e.g. mobile) numbers the agent can be reached on.</summary>
    public ImmutableArray<string> ExternalNumbers { get; init; } = [];

    /// <summary>Id of the no-answer policy for this agent; null = the site default.</summary>
    public string? NoAnswerPolicyId { get; init; }

    /// <summary>The user name the agent's SIP phone registers and authenticates with (letters, digits, '.', '_', '-',
    /// at most 64); null = the agent has no SIP account.</summary>
    public string? SipUsername { get; init; }

    /// <summary>MD5 HA1 of the SIP password, lower-case hex of MD5(<see cref="SipUsername"/>:realm:password) (RFC 7616
    /// §3.4.2), for the site settings' SIP realm; null = no password. Set only with
    /// <c>PUT /api/v1/agent-profiles/{id}/sip-password</c>; never returned by the API, audited or logged.</summary>
    public string? SipPasswordMd5Ha1 { get; init; }

    /// <summary>SHA-256 HA1 of the SIP password, like <see cref="SipPasswordMd5Ha1"/>.</summary>
    public string? SipPasswordSha256Ha1 { get; init; }

    /// <summary>The profile without the SIP password hashes: what grains (whose journals keep the profile they applied)
    /// and browsers get. Only the SIP front end's registrar reads the hashes, from the document store.</summary>
    public AgentProfile WithoutSipSecrets() => this with { SipPasswordMd5Ha1 = null, SipPasswordSha256Ha1 = null };

    // Records print every member; a profile in a log line or an exception message must not carry the hashes (an HA1 is
    // as good as the password in its realm).
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id)
            .Append(", Version = ").Append(Version)
            .Append(", Name = ").Append(Name)
            .Append(", Skills = [").AppendJoin(", ", Skills.IsDefault ? [] : Skills).Append(']')
            .Append(", Queues = [").AppendJoin(", ", Queues.IsDefault ? [] : Queues).Append(']')
            .Append(", Capacities = [").AppendJoin(", ", Capacities.IsDefault ? [] : Capacities).Append(']')
            .Append(", LineMode = ").Append(LineMode)
            .Append(", AutoAnswer = ").Append(AutoAnswer)
            .Append(", Phone = ").Append(Phone)
            .Append(", ExternalNumbers = [").AppendJoin(", ", ExternalNumbers.IsDefault ? [] : ExternalNumbers).Append(']')
            .Append(", NoAnswerPolicyId = ").Append(NoAnswerPolicyId)
            .Append(", SipUsername = ").Append(SipUsername)
            .Append(", SipPassword = ").Append(SipPasswordMd5Ha1 is null && SipPasswordSha256Ha1 is null ? "null" : "(hidden)");
        return true;
    }
}
