using System.Globalization;
using ContactCenter.Storage.Audit;

namespace ContactCenter.Web.Apis;

/// <summary>Audit entries as CSV (RFC 4180): a header line, CRLF line ends, and a field quoted, its quotes doubled,
/// when it holds a comma, a quote, CR or LF.</summary>
internal static class AuditCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
        ["sequence", "at", "actor", "action", "kind", "targetId", "outcome", "clientAddress", "before", "after"];

    public static Task WriteHeaderAsync(TextWriter writer) => WriteLineAsync(writer, Header);

    public static Task WriteAsync(TextWriter writer, AuditEntry entry) => WriteLineAsync(writer,
    [
        entry.Sequence.ToString(CultureInfo.InvariantCulture),
        entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        entry.Actor,
        entry.Action,
        entry.Kind,
        entry.TargetId,
        entry.Outcome.ToString(),
        entry.ClientAddress,
        entry.Before,
        entry.After,
    ]);

    /// <summary><paramref name="value"/> as one CSV field.</summary>
    public static string Field(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : value;

    private static Task WriteLineAsync(TextWriter writer, string?[] fields) =>
        writer.WriteAsync(string.Join(',', fields.Select(Field)) + "\r\n");
}
