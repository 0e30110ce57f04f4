using System.Globalization;

namespace ContactCenter.Benchmarks.Hubs;

/// <summary>A text change a page's MutationObserver saw: which element (agent id, or tile name), its new text, and when
/// (<c>performance.timeOrigin + performance.now()</c>, milliseconds since the Unix epoch).</summary>
internal sealed record DomChange(string Key, string Text, double AtMs)
{
    /// <summary>Parses the page's <c>key|text|ms</c> entries.</summary>
    public static DomChange Parse(string entry)
    {
        var parts = entry.Split('|');
        if (parts.Length != 3)
        {
            throw new FormatException($"a page recorded '{entry}', not key|text|ms");
        }
        return new DomChange(parts[0], parts[1], double.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}
