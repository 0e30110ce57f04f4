namespace ContactCenter.Contracts.Configuration;

/// <summary>Settings of the whole site, one document with id <see cref="SiteId"/>: its time zone (where "today" starts
/// for live figures and reports), the default no-answer policy of agents whose profile names none, when supervisors are
/// alerted to an over-long interaction, and the SIP realm phones authenticate in.</summary>
public sealed record SiteSettings
{
    /// <summary>The id of the site's settings document, the one the configuration sources read.</summary>
    public const string SiteId = "site";

    /// <summary>The default of <see cref="SipRealm"/>.</summary>
    public const string DefaultSipRealm = "contactcenter";

    /// <summary>The default of <see cref="LongInteractionAlertAfter"/>.</summary>
    public static readonly TimeSpan DefaultLongInteractionAlertAfter = TimeSpan.FromMinutes(15);

    /// <summary>Document id; <see cref="SiteId"/> for the settings in use.</summary>
    public string Id { get; init; } = SiteId;

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>IANA time zone of the site: "today" in live views and report periods are days of this zone.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>Id of the default no-answer policy; null (default) = off, misses are only counted.</summary>
    public string? NoAnswerPolicyId { get; init; }

    /// <summary>How long an agent may be in one conversation before supervisors are alerted (SUP-2); null = never.
    /// Default 15 minutes.</summary>
    public TimeSpan? LongInteractionAlertAfter { get; init; } = DefaultLongInteractionAlertAfter;

    /// <summary>The digest realm agents' phones and trunks authenticate in; the stored SIP password hashes are computed
    /// for it, so changing it requires setting those passwords again. Default "contactcenter".</summary>
    public string SipRealm { get; init; } = DefaultSipRealm;

    /// <summary>Record every agent call, inbound and outbound, from its first connection (REC-1); the agent may pause
    /// the recording. Default true.</summary>
    public bool RecordCalls { get; init; } = true;
}
