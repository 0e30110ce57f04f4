using System.Globalization;

namespace ContactCenter.Host.Configuration;

/// <summary>An inclusive range of ports written <c>first-last</c>, such as the RTP range <c>20000-29999</c>.</summary>
internal readonly record struct PortRange(int First, int Last)
{
    /// <summary>Whether <paramref name="port"/> lies in the range.</summary>
    public bool Contains(int port) => port >= First && port <= Last;

    /// <summary>Parses <c>first-last</c> with 1 ≤ first &lt; last ≤ 65535 (at least two ports: RTP and RTCP pair up).</summary>
    public static bool TryParse(string? text, out PortRange range)
    {
        range = default;
        if (text?.Split('-', 2, StringSplitOptions.TrimEntries) is not [var firstText, var lastText]
            || !int.TryParse(firstText, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || first < 1 || last > 65535 || first >= last)
        {
            return false;
        }
        range = new PortRange(first, last);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");
}
