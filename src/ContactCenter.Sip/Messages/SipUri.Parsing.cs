using System.Buffers;
using System.Globalization;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

public sealed partial class SipUri
{
    private static bool TryParseSip(SipUriScheme scheme, ReadOnlySpan<char> rest, out SipUri? uri)
    {
        uri = null;
        string? user = null;
        string? password = null;
        // '@' may appear only once: user, password, host, params and headers cannot carry it unescaped (§25.1).
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            if (rest[(at + 1)..].Contains('@'))
            {
                return false;
            }
            var userInfo = rest[..at];
            var passwordColon = userInfo.IndexOf(':');
            var userText = passwordColon < 0 ? userInfo : userInfo[..passwordColon];
            if (userText.IsEmpty || !TryUnescape(userText, SipGrammar.User, out user))
            {
                return false;
            }
            if (passwordColon >= 0 && !TryUnescape(userInfo[(passwordColon + 1)..], SipGrammar.Password, out password))
            {
                return false;
            }
            rest = rest[(at + 1)..];
        }
        var reader = new SipValueReader(rest);
        ReadOnlySpan<char> host;
        if (reader.Peek == '[')
        {
            var close = rest.IndexOf(']');
            if (close < 0)
            {
                return false;
            }
            host = rest[..(close + 1)];
            reader.Position = close + 1;
        }
        else
        {
            host = reader.ReadWhile(SipGrammar.HostName);
        }
        if (!IsValidHost(host))
        {
            return false;
        }
        int? port = null;
        if (reader.TryConsume(':'))
        {
            if (!SipGrammar.TryParseNumber(reader.ReadWhile(SipGrammar.Digits), 65535, out var number))
            {
                return false;
            }
            port = (int)number;
        }
        if (!reader.TryReadUriParameters(out var parameters))
        {
            return false;
        }
        string? headers = null;
        if (reader.TryConsume('?'))
        {
            var span = reader.ReadWhile(SipGrammar.UriHeaders);
            if (span.IsEmpty || !SipValueReader.HasValidEscapes(span))
            {
                return false;
            }
            headers = span.ToString();
        }
        if (!reader.AtEnd)
        {
            return false;
        }
        uri = new SipUri(scheme, user, host.ToString(), port, parameters) { Password = password, Headers = headers };
        return true;
    }

    private static bool TryParseTel(ReadOnlySpan<char> rest, out SipUri? uri)
    {
        uri = null;
        var reader = new SipValueReader(rest);
        var number = reader.ReadWhile(SipGrammar.TelNumber);
        if (number.IsEmpty || !reader.TryReadUriParameters(out var parameters) || !reader.AtEnd)
        {
            return false;
        }
        uri = new SipUri(SipUriScheme.Tel, number.ToString(), "", null, parameters);
        return true;
    }

    private static bool TryParseOther(ReadOnlySpan<char> text, ReadOnlySpan<char> scheme, ReadOnlySpan<char> rest, out SipUri? uri)
    {
        uri = null;
        if (!char.IsAsciiLetter(scheme[0]) || rest.IsEmpty)
        {
            return false;
        }
        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return false;
            }
        }
        foreach (var c in rest)
        {
            if (c <= ' ' || c >= 127 || c is '<' or '>' or '"')
            {
                return false;
            }
        }
        uri = new SipUri(SipUriScheme.Other, null, "") { Opaque = text.ToString() };
        return true;
    }

    /// <summary>Resolves %XX escapes (§19.1.2: compared and used unescaped); rejects characters that must have been
    /// escaped.</summary>
    private static bool TryUnescape(ReadOnlySpan<char> text, SearchValues<char> allowed, out string? value)
    {
        value = null;
        if (!text.Contains('%'))
        {
            if (text.ContainsAnyExcept(allowed))
            {
                return false;
            }
            value = text.ToString();
            return true;
        }
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !byte.TryParse(text.Slice(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    return false;
                }
                bytes.Add(b);
                i += 2;
                continue;
            }
            if (!allowed.Contains(c))
            {
                return false;
            }
            bytes.Add((byte)c);
        }
        value = Encoding.UTF8.GetString([.. bytes]);
        return true;
    }
}
