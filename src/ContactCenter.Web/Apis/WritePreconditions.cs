using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ContactCenter.Web.Apis;

/// <summary>The conditional headers of a write (RFC 9110 §13.1). Entity tags are the document's version as a strong
/// tag, <c>"7"</c>: a write names the version it read, and the store's compare-and-swap on that version decides.</summary>
/// <param name="IfMatch">The versions <c>If-Match</c> names (weak or malformed tags never match); null when the header
/// is absent.</param>
/// <param name="IfMatchAny"><c>If-Match: *</c>, refused: a write must name the version it read.</param>
/// <param name="IfNoneMatchAny"><c>If-None-Match: *</c>: only create.</param>
internal sealed record WritePreconditions(IReadOnlyList<long>? IfMatch, bool IfMatchAny, bool IfNoneMatchAny)
{
    /// <summary>The entity tag of <paramref name="version"/>.</summary>
    public static string Tag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static WritePreconditions Read(HttpRequest request)
    {
        var headers = request.GetTypedHeaders();
        var ifMatch = headers.IfMatch;
        var ifNoneMatch = headers.IfNoneMatch;
        var present = request.Headers.IfMatch.Count > 0;
        return new WritePreconditions(
            present ? [.. ifMatch.Where(t => !t.IsWeak && t != EntityTagHeaderValue.Any).Select(VersionOf).OfType<long>()] : null,
            ifMatch.Any(t => t.Equals(EntityTagHeaderValue.Any)),
            ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any)));
    }

    /// <summary>True when <c>If-Match</c> names <paramref name="version"/>.</summary>
    public bool Matches(long version) => IfMatch?.Contains(version) == true;

    private static long? VersionOf(EntityTagHeaderValue tag) =>
        long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
}
