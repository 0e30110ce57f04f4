using System.Buffers;

namespace ContactCenter.Sip.Parsing;

/// <summary>Character classes of the RFC 3261 §25.1 grammar, as vectorizable sets (scans use
/// <see cref="MemoryExtensions.IndexOfAnyExcept{T}(ReadOnlySpan{T}, SearchValues{T})"/>).</summary>
internal static class SipGrammar
{
    private const string AlphaNumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string TokenMarks = "-.!%*_+`'~";

    /// <summary>token: method names, header names, parameter names.</summary>
    public static readonly SearchValues<char> Token = SearchValues.Create(AlphaNumeric + TokenMarks);

    /// <summary>Unescaped user-part characters (unreserved / user-unreserved).</summary>
    public static readonly SearchValues<char> User = SearchValues.Create(AlphaNumeric + "-_.!~*'()&=+$,;?/");

    /// <summary>Unescaped password characters.</summary>
    public static readonly SearchValues<char> Password = SearchValues.Create(AlphaNumeric + "-_.!~*'()&=+$,");

    /// <summary>paramchar of URI parameters (escapes kept as written).</summary>
    public static readonly SearchValues<char> UriParam = SearchValues.Create(AlphaNumeric + "-_.!~*'()[]/:&+$%");

    /// <summary>hname / hvalue characters of URI headers with the <c>=</c> and <c>&amp;</c> separators.</summary>
    public static readonly SearchValues<char> UriHeaders = SearchValues.Create(AlphaNumeric + "-_.!~*'()[]/?:+$%=&");

    /// <summary>gen-value as token or host (IPv6 references included); quoted strings are handled apart.</summary>
    public static readonly SearchValues<char> HeaderParam = SearchValues.Create(AlphaNumeric + TokenMarks + "[]:");

    /// <summary>Host name and IPv4 characters ('_' tolerated, see <c>SipUri.IsValidHost</c>).</summary>
    public static readonly SearchValues<char> HostName = SearchValues.Create(AlphaNumeric + "-._");

    /// <summary>Decimal digits.</summary>
    public static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>tel URI number characters (RFC 3966 phonedigit-hex and visual separators).</summary>
    public static readonly SearchValues<char> TelNumber = SearchValues.Create("0123456789abcdefABCDEF+-.()*#pw");

    private static readonly SearchValues<byte> TokenBytes = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"u8);

    public static bool IsTokenChar(char c) => Token.Contains(c);

    public static bool IsToken(ReadOnlySpan<char> value) => !value.IsEmpty && !value.ContainsAnyExcept(Token);

    public static bool IsToken(ReadOnlySpan<byte> value) => !value.IsEmpty && !value.ContainsAnyExcept(TokenBytes);

    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    public static bool IsDigits(ReadOnlySpan<char> value) => !value.IsEmpty && !value.ContainsAnyExcept(Digits);

    /// <summary>Parses 1*DIGIT into a non-negative number no larger than <paramref name="max"/>.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> value, long max, out long number)
    {
        number = 0;
        if (!IsDigits(value))
        {
            return false;
        }
        foreach (var c in value)
        {
            number = (number * 10) + (c - '0');
            if (number > max)
            {
                return false;
            }
        }
        return true;
    }
}
