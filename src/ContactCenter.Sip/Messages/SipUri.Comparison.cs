using System.Globalization;
using System.Text;

namespace ContactCenter.Sip.Messages;

public sealed partial class SipUri
{
    // §19.1.4: these parameters must be in both URIs or neither (transport and the others carry defaults that an
    // omitted parameter does not equal); any other parameter is compared only when present in both.
    private static readonly string[] MustMatchParameters = ["user", "ttl", "method", "maddr", "transport"];

    /// <summary>URI equivalence by RFC 3261 §19.1.4 (SIP/SIPS) and RFC 3966 §4 (tel): user and password
    /// case-sensitive after unescaping, host case-insensitive, an omitted port or default-valued parameter not equal to
    /// an explicit one, other parameters compared only where both have them, headers always compared.</summary>
    public bool IsEquivalentTo(SipUri other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Scheme != other.Scheme)
        {
            return false;
        }
        switch (Scheme)
        {
            case SipUriScheme.Other:
                return string.Equals(Opaque, other.Opaque, StringComparison.OrdinalIgnoreCase);
            case SipUriScheme.Tel:
                return string.Equals(GlobalNumber(User), GlobalNumber(other.User), StringComparison.OrdinalIgnoreCase)
                    && SameParameterSet(Parameters, other.Parameters);
            default:
                break;
        }
        if (!string.Equals(User, other.User, StringComparison.Ordinal)
            || !string.Equals(Password, other.Password, StringComparison.Ordinal)
            || !string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase)
            || Port != other.Port)
        {
            return false;
        }
        foreach (var name in MustMatchParameters)
        {
            if (Parameters.Contains(name) != other.Parameters.Contains(name))
            {
                return false;
            }
        }
        foreach (var parameter in Parameters)
        {
            if (other.Parameters.TryGet(parameter.Key, out var value)
                && !string.Equals(Unescape(parameter.Value), Unescape(value), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return SameHeaders(Headers, other.Headers);
    }

    private static string? GlobalNumber(string? number) =>
        number is null ? null : string.Concat(number.Where(c => c is not ('-' or '.' or '(' or ')')));

    private static bool SameParameterSet(SipParameters a, SipParameters b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        foreach (var parameter in a)
        {
            if (!b.TryGet(parameter.Key, out var value) || !string.Equals(parameter.Value, value, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return true;
    }

    private static bool SameHeaders(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }
        static List<string> Normalize(string headers)
        {
            var items = new List<string>();
            foreach (var item in headers.Split('&'))
            {
                var equals = item.IndexOf('=', StringComparison.Ordinal);
                var name = (equals < 0 ? item : item[..equals]).ToLowerInvariant();
                items.Add(name + "=" + (equals < 0 ? "" : Unescape(item[(equals + 1)..])));
            }
            items.Sort(StringComparer.Ordinal);
            return items;
        }
        return Normalize(a).SequenceEqual(Normalize(b));
    }

    private static string? Unescape(string? text)
    {
        if (text is null || !text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length
                && byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
                continue;
            }
            bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }
}
