namespace ContactCenter.Contracts.Configuration;

/// <summary>Settings of the whole site, one document with id <see cref="SiteId"/>: its time zone (where "today" starts
/// for live figures and reports) and the default no-answer policy of agents whose profile names none.</summary>
public sealed record SiteSettings
{
    /// <summary>The id of the site's settings document, the one the configuration sources read.</summary>
    public const string SiteId = "site";

    /// <summary>Document id; <see cref="SiteId"/> for the settings in use.</summary>
    public string Id { get; init; } = SiteId;

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>IANA time zone of the site: "today" in live views and report periods are days of this zone.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>Id of the default no-answer policy; null (default) = off, misses are only counted.</summary>
    public string? NoAnswerPolicyId { get; init; }
}
