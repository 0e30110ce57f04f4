using ContactCenter.Storage.Audit;

namespace ContactCenter.Web.Apis;

/// <summary>The query string of <c>GET /audit</c> and <c>GET /audit/export</c>.</summary>
/// <param name="From">Only entries at or after this time (ISO 8601).</param>
/// <param name="To">Only entries before this time (ISO 8601).</param>
/// <param name="Actor">Only entries of this user name.</param>
/// <param name="Kind">Only entries about this kind of document (<c>queue</c>, <c>agentProfile</c>, <c>contact</c>).</param>
/// <param name="TargetId">Only entries about the document with this id.</param>
/// <param name="Before">Continue with entries older than this sequence (a page's <c>nextBefore</c>).</param>
/// <param name="Limit">Page size, 1 to <see cref="AuditQuery.MaxLimit"/>; the export ignores it and writes every
/// match.</param>
public sealed record AuditQueryParameters(
    DateTimeOffset? From, DateTimeOffset? To, string? Actor, string? Kind, string? TargetId, long? Before, int? Limit)
{
    /// <summary>The query of the log these parameters ask for.</summary>
    public AuditQuery ToQuery() => new()
    {
        From = From,
        To = To,
        Actor = Actor,
        Kind = Kind,
        TargetId = TargetId,
        Before = Before,
        Limit = Limit ?? AuditQuery.DefaultLimit,
    };
}
