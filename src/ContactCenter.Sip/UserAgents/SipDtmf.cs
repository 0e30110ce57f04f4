using System.Globalization;
using System.Text;

namespace ContactCenter.Sip.UserAgents;

/// <summary>A DTMF digit carried by an INFO request (the common <c>application/dtmf-relay</c> body
/// <c>Signal=5\r\nDuration=160</c>).</summary>
/// <param name="Digit">0–9, *, #, A–D.</param>
/// <param name="DurationMilliseconds">How long the key was pressed; 250 when the body does not say.</param>
public sealed record SipDtmf(char Digit, int DurationMilliseconds)
{
    /// <summary>The content type of the body this record reads and writes.</summary>
    public const string ContentType = "application/dtmf-relay";

    private const int DefaultDuration = 250;

    /// <summary>The <c>application/dtmf-relay</c> body.</summary>
    public byte[] ToBody() => Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Signal={Digit}\r\nDuration={DurationMilliseconds}\r\n"));

    /// <summary>Reads a DTMF body: <c>application/dtmf-relay</c> (Signal/Duration lines, keys case-insensitive,
    /// Signal 10 and 11 as * and #) or <c>application/dtmf</c> (the digit alone). False for anything else.</summary>
    public static bool TryParse(string? contentType, ReadOnlySpan<byte> body, out SipDtmf? dtmf)
    {
        dtmf = null;
        var type = contentType?.Split(';')[0].Trim();
        var text = Encoding.ASCII.GetString(body);
        if (string.Equals(type, "application/dtmf", StringComparison.OrdinalIgnoreCase))
        {
            return TryDigit(text.Trim(), out var single) && (dtmf = new SipDtmf(single, DefaultDuration)) is not null;
        }
        if (!string.Equals(type, ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        char? digit = null;
        var duration = DefaultDuration;
        foreach (var line in text.Split('\n'))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }
            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (key.Equals("Signal", StringComparison.OrdinalIgnoreCase) && TryDigit(value, out var parsed))
            {
                digit = parsed;
            }
            else if (key.Equals("Duration", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= 60_000)
            {
                duration = ms;
            }
        }
        if (digit is not { } found)
        {
            return false;
        }
        dtmf = new SipDtmf(found, duration);
        return true;
    }

    private static bool TryDigit(string value, out char digit)
    {
        digit = value switch
        {
            "10" => '*',
            "11" => '#',
            [var c] when char.IsAsciiDigit(c) || c is '*' or '#' => c,
            [var c] when char.ToUpperInvariant(c) is >= 'A' and <= 'D' => char.ToUpperInvariant(c),
            _ => '\0',
        };
        return digit != '\0';
    }
}
