using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>The CSeq header (RFC 3261 §20.16): a sequence number below 2^31 and a method.</summary>
/// <param name="Number">The sequence number.</param>
/// <param name="Method">The method, case-sensitive (§7.1).</param>
public sealed record CSeqHeader(long Number, string Method)
{
    /// <summary>The largest sequence number allowed (§8.1.1.5: less than 2^31).</summary>
    public const long MaxNumber = int.MaxValue;

    /// <summary>Parses a value; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out CSeqHeader? value)
    {
        value = null;
        var reader = new SipValueReader(text);
        reader.SkipWhitespace();
        if (!SipGrammar.TryParseNumber(reader.ReadWhile(SipGrammar.Digits), MaxNumber, out var number))
        {
            return false;
        }
        var mark = reader.Position;
        reader.SkipWhitespace();
        var method = reader.ReadToken();
        reader.SkipWhitespace();
        if (reader.Position == mark || method.IsEmpty || !reader.AtEnd)
        {
            return false;
        }
        value = new CSeqHeader(number, SipMethods.Intern(method));
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Number} {Method}");
}
