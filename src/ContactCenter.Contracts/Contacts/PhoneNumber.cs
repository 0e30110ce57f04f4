namespace ContactCenter.Contracts.Contacts;

/// <summary>The one normal form of phone numbers in the directory, so a number typed on a card as
/// <c>+48 (22) 555-01-02</c> is found by a caller id of <c>+48225550102</c>.</summary>
public static class PhoneNumber
{
    /// <summary>Fewest digits of a normalised number.</summary>
    public const int MinDigits = 3;

    /// <summary>Most digits of a normalised number (E.164 allows 15; extensions and trunk prefixes need a margin).</summary>
    public const int MaxDigits = 20;

    /// <summary>Normalises <paramref name="input"/>: drops white space, '-', '.', '(' and ')'; keeps one leading '+';
    /// returns null when anything else remains (letters, a '+' elsewhere) or the digit count is outside
    /// <see cref="MinDigits"/>..<see cref="MaxDigits"/>. No country-code inference: <c>0048…</c> and <c>+48…</c> stay
    /// different numbers.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null)
        {
            return null;
        }
        var buffer = new char[input.Length];
        var length = 0;
        var digits = 0;
        foreach (var c in input)
        {
            if (char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
                digits++;
            }
            else if (c == '+' && length == 0)
            {
                buffer[length++] = c;
            }
            else if (!(char.IsWhiteSpace(c) || c is '-' or '.' or '(' or ')'))
            {
                return null;
            }
        }
        return digits is >= MinDigits and <= MaxDigits ? new string(buffer, 0, length) : null;
    }

    /// <summary>True when <paramref name="input"/> normalises; <paramref name="normalized"/> is then its normal form.</summary>
    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = Normalize(input) ?? string.Empty;
        return normalized.Length > 0;
    }
}
