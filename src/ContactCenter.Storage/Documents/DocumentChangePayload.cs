using System.Globalization;

namespace ContactCenter.Storage.Documents;

/// <summary>The text of a document change notification: <c>origin|kind|version|type|id</c> (ids never hold '|':
/// validation allows letters, digits, '-', '_' and '.'), well under PostgreSQL's 8000-byte payload limit.</summary>
internal static class DocumentChangePayload
{
    public static string Format(Guid origin, DocumentChange change) => string.Join('|',
        origin.ToString("N"), change.Kind.ToString(), change.Version.ToString(CultureInfo.InvariantCulture),
        change.Type.ToString(), change.Id);

    /// <summary>The origin and change of <paramref name="payload"/>, or null when it is not one of ours.</summary>
    public static (Guid Origin, DocumentChange Change)? Parse(string payload)
    {
        var parts = payload.Split('|', 5);
        return parts.Length == 5
               && Guid.TryParseExact(parts[0], "N", out var origin)
               && Enum.TryParse<DocumentKind>(parts[1], out var kind)
               && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
               && Enum.TryParse<DocumentChangeType>(parts[3], out var type)
            ? (origin, new DocumentChange(kind, parts[4], version, type))
            : null;
    }
}
