namespace ContactCenter.Media.Dtmf;

/// <summary>Maps DTMF characters to RFC 4733 event codes (§3.2, Table 3): 0–9 digits, 10 '*', 11 '#', 12–15 A–D.</summary>
public static class DtmfEvent
{
    private const string Characters = "0123456789*#ABCD";

    /// <summary>Highest DTMF event code.</summary>
    public const byte MaxCode = 15;

    /// <summary>The event code of <paramref name="digit"/> (case-insensitive for A–D).</summary>
    public static bool TryGetCode(char digit, out byte code)
    {
        var index = Characters.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        code = (byte)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>The event code of <paramref name="digit"/>.</summary>
    /// <exception cref="ArgumentException">Not a DTMF character.</exception>
    public static byte ToCode(char digit) =>
        TryGetCode(digit, out var code) ? code : throw new ArgumentException($"'{digit}' is not a DTMF digit.", nameof(digit));

    /// <summary>The character of DTMF event <paramref name="code"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a DTMF event (above 15).</exception>
    public static char ToChar(byte code)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, MaxCode);
        return Characters[code];
    }
}
