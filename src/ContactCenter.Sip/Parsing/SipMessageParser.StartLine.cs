using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Parsing;

public static partial class SipMessageParser
{
    /// <summary>Request-Line = Method SP Request-URI SP SIP-Version (§7.1): single spaces, no whitespace in the URI.</summary>
    private static (SipParseError, string?) ParseRequestLine(ReadOnlySpan<byte> line, SipHeaderCollection headers, out SipMessage? message)
    {
        message = null;
        if (line.IndexOfAny(ControlBytes) >= 0 || line.Contains((byte)'\t'))
        {
            return (SipParseError.InvalidCharacters, "control character in the Request-Line");
        }
        var first = line.IndexOf((byte)' ');
        var last = line.LastIndexOf((byte)' ');
        if (first <= 0 || first == last)
        {
            return (SipParseError.InvalidStartLine, "the Request-Line needs a method, a Request-URI and a version");
        }
        var method = line[..first];
        if (!SipGrammar.IsToken(method))
        {
            return (SipParseError.InvalidStartLine, "invalid method");
        }
        var version = CheckVersion(line[(last + 1)..]);
        if (version.Error != SipParseError.None)
        {
            return version;
        }
        var uriBytes = line[(first + 1)..last];
        if (uriBytes.IsEmpty || uriBytes.Contains((byte)' ') || !Ascii.IsValid(uriBytes))
        {
            return (SipParseError.InvalidRequestUri, "whitespace or non-ASCII characters in the Request-URI");
        }
        Span<char> chars = uriBytes.Length <= 512 ? stackalloc char[uriBytes.Length] : new char[uriBytes.Length];
        Ascii.ToUtf16(uriBytes, chars, out _);
        if (!SipUri.TryParse(chars, out var uri))
        {
            return (SipParseError.InvalidRequestUri, "the Request-URI does not parse");
        }
        message = new SipRequest(SipMethods.Intern(method), uri, headers);
        return (SipParseError.None, null);
    }

    /// <summary>Status-Line = SIP-Version SP Status-Code SP Reason-Phrase (§7.2); a missing reason phrase is tolerated.</summary>
    private static (SipParseError, string?) ParseStatusLine(ReadOnlySpan<byte> line, SipHeaderCollection headers, out SipMessage? message)
    {
        message = null;
        if (line.IndexOfAny(ControlBytes) >= 0)
        {
            return (SipParseError.InvalidCharacters, "control character in the Status-Line");
        }
        var space = line.IndexOf((byte)' ');
        if (space < 0)
        {
            return (SipParseError.InvalidStartLine, "the Status-Line needs a version and a status code");
        }
        var version = CheckVersion(line[..space]);
        if (version.Error != SipParseError.None)
        {
            return version;
        }
        var rest = line[(space + 1)..];
        if (rest.Length < 3 || !IsDigit(rest[0]) || !IsDigit(rest[1]) || !IsDigit(rest[2]) || (rest.Length > 3 && rest[3] != ' '))
        {
            return (SipParseError.InvalidStartLine, "the status code is not three digits");
        }
        var code = ((rest[0] - '0') * 100) + ((rest[1] - '0') * 10) + (rest[2] - '0');
        if (code is < 100 or > 699)
        {
            return (SipParseError.InvalidStartLine, "status code outside 100-699");
        }
        var reason = rest.Length > 4 ? Decode(rest[4..]) : "";
        message = new SipResponse(code, reason, headers);
        return (SipParseError.None, null);
    }

    /// <summary>SIP-Version is case-insensitive (§7.1); another well-formed version gets 505, anything else 400.</summary>
    private static (SipParseError Error, string? Detail) CheckVersion(ReadOnlySpan<byte> version)
    {
        if (version.Length == 7 && Ascii.EqualsIgnoreCase(version, "SIP/2.0"u8))
        {
            return (SipParseError.None, null);
        }
        if (version.Length > 6 && Ascii.EqualsIgnoreCase(version[..4], "SIP/"u8))
        {
            var numbers = version[4..];
            var dot = numbers.IndexOf((byte)'.');
            if (dot > 0 && dot < numbers.Length - 1 && AllDigits(numbers[..dot]) && AllDigits(numbers[(dot + 1)..]))
            {
                return (SipParseError.UnsupportedVersion, $"version {Encoding.ASCII.GetString(version)} is not supported");
            }
        }
        return (SipParseError.InvalidStartLine, "invalid SIP version");
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static bool AllDigits(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (!IsDigit(b))
            {
                return false;
            }
        }
        return true;
    }
}
