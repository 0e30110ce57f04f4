namespace ContactCenter.Contracts.Configuration;

/// <summary>Settings of the whole site, one document with id <see cref="SiteId"/>: for now only the default no-answer
/// policy of agents whose profile names none.</summary>
public sealed record SiteSettings
{
    /// <summary>The id of the site's settings document, the one the configuration sources read.</summary>
    public const string SiteId = "site";

    /// <summary>Document id; <see cref="SiteId"/> for the settings in use.</summary>
    public string Id { get; init; } = SiteId;

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>Id of the default no-answer policy; null (default) = off, misses are only counted.</summary>
    public string? NoAnswerPolicyId { get; init; }
}
