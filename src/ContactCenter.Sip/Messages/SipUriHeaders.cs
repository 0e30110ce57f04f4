using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>The headers part of a SIP URI (RFC 3261 §19.1.1: <c>?name=value&amp;name=value</c>, values %-escaped):
/// how a Refer-To carries a Replaces header (RFC 3891 §3) and how §19.1.5 turns them into request headers.</summary>
public static class SipUriHeaders
{
    // hvalue = *( hnv-unreserved / unreserved / escaped ), §25.1.
    private const string Unescaped = "-_.!~*'()[]/?:+$";

    /// <summary>Escapes a header value for a URI: everything but unreserved and hnv-unreserved characters becomes
    /// %XX of its UTF-8 bytes (so <c>;</c>, <c>=</c>, <c>@</c>, <c>%</c>, <c>&amp;</c> and spaces are escaped).</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (b < 128 && (char.IsAsciiLetterOrDigit(c) || Unescaped.Contains(c, StringComparison.Ordinal)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(Convert.ToHexString([b]));
            }
        }
        return builder.ToString();
    }

    /// <summary>Undoes %XX escapes (as UTF-8); null when an escape is malformed.</summary>
    public static string? Unescape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
                continue;
            }
            if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
            {
                return null;
            }
            bytes.Add(Convert.FromHexString(value.AsSpan(i + 1, 2))[0]);
            i += 2;
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>The headers of <paramref name="uri"/>, names as given and values unescaped, in order; malformed ones
    /// are skipped.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(SipUri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Headers is not { } headers)
        {
            return [];
        }
        var result = new List<KeyValuePair<string, string>>();
        foreach (var pair in headers.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || Unescape(pair[..equals]) is not { } name || Unescape(pair[(equals + 1)..]) is not { } value)
            {
                continue;
            }
            result.Add(new(name, value));
        }
        return result;
    }

    /// <summary>The value of header <paramref name="name"/> in <paramref name="uri"/> (case-insensitive), unescaped.</summary>
    public static string? Get(SipUri uri, string name)
    {
        foreach (var header in Parse(uri))
        {
            if (string.Equals(SipHeaderNames.Canonicalize(header.Key), SipHeaderNames.Canonicalize(name), StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }
        return null;
    }

    /// <summary>A headers part (without the '?') from names and unescaped values.</summary>
    public static string Format(params IEnumerable<KeyValuePair<string, string>> headers) =>
        string.Join('&', headers.Select(h => $"{Escape(h.Key)}={Escape(h.Value)}"));
}
