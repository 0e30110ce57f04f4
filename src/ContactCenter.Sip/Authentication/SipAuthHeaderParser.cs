using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Authentication;

/// <summary>Reads and writes <c>scheme name=value, name="quoted", …</c> (RFC 3261 §25.1 challenge / credentials,
/// RFC 7616 §3.3–§3.4). Names compare case-insensitively; values come back unquoted and unescaped.</summary>
internal static class SipAuthHeaderParser
{
    public static bool TryParse(string value, string expectedScheme, out Dictionary<string, string> parameters)
    {
        parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reader = new SipValueReader(value);
        reader.SkipWhitespace();
        if (!reader.ReadToken().Equals(expectedScheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        while (true)
        {
            reader.SkipWhitespace();
            if (reader.AtEnd)
            {
                return parameters.Count > 0;
            }
            var name = reader.ReadToken().ToString();
            reader.SkipWhitespace();
            if (name.Length == 0 || !reader.TryConsume('='))
            {
                return false;
            }
            reader.SkipWhitespace();
            string parameter;
            if (reader.Peek == '"')
            {
                if (!reader.TryReadQuotedString(out _, out var unescaped))
                {
                    return false;
                }
                parameter = unescaped;
            }
            else
            {
                var rest = reader.Rest;
                var end = rest.IndexOfAny(",\t ");
                var token = end < 0 ? rest : rest[..end];
                if (token.IsEmpty)
                {
                    return false;
                }
                parameter = token.ToString();
                reader.Position += token.Length;
            }
            // A repeated parameter makes the header ambiguous (RFC 7616 §3.3 allows each at most once).
            if (!parameters.TryAdd(name, parameter))
            {
                return false;
            }
            reader.SkipWhitespace();
            if (!reader.AtEnd && !reader.TryConsume(','))
            {
                return false;
            }
        }
    }

    public static void AppendQuoted(StringBuilder builder, string name, string value)
    {
        builder.Append(builder.Length == 0 || builder[^1] == ' ' ? "" : ", ").Append(name).Append('=');
        NameAddress.AppendQuoted(builder, value);
    }

    public static void AppendToken(StringBuilder builder, string name, string value) =>
        builder.Append(builder.Length == 0 || builder[^1] == ' ' ? "" : ", ").Append(name).Append('=').Append(value);
}
