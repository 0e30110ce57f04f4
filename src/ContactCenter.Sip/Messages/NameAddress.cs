using System.Diagnostics.CodeAnalysis;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>The value of From, To, Contact, Route, Record-Route and similar headers: an optional display name, a URI
/// and header parameters (RFC 3261 §20.10, §25.1 name-addr / addr-spec). Immutable.</summary>
public sealed class NameAddress
{
    private string? _text;

    /// <summary>Creates a value.</summary>
    public NameAddress(SipUri uri, string? displayName = null, SipParameters? parameters = null)
    {
        Uri = uri;
        DisplayName = displayName;
        Parameters = parameters ?? SipParameters.Empty;
    }

    /// <summary>The display name, unquoted and unescaped; null when absent.</summary>
    public string? DisplayName { get; }

    /// <summary>The address.</summary>
    public SipUri Uri { get; }

    /// <summary>Header parameters (<c>tag</c>, <c>expires</c>, <c>q</c>, …).</summary>
    public SipParameters Parameters { get; }

    /// <summary>The <c>tag</c> parameter of From/To (§19.3); null when absent.</summary>
    public string? Tag => Parameters.Get("tag");

    /// <summary>The <c>expires</c> parameter of a Contact (§20.10) in seconds; null when absent or not a number.</summary>
    public long? Expires =>
        SipGrammar.TryParseNumber(Parameters.Get("expires"), uint.MaxValue, out var seconds) ? seconds : null;

    /// <summary>The <c>q</c> parameter of a Contact (§20.10), 0 to 1; null when absent or invalid.</summary>
    public double? Quality =>
        double.TryParse(Parameters.Get("q"), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var q)
        && q is >= 0 and <= 1 ? q : null;

    /// <summary>A copy with the tag set.</summary>
    public NameAddress WithTag(string tag) => new(Uri, DisplayName, Parameters.With("tag", tag));

    /// <summary>A copy with a header parameter set.</summary>
    public NameAddress WithParameter(string name, string? value) => new(Uri, DisplayName, Parameters.With(name, value));

    /// <summary>Parses a value or throws <see cref="FormatException"/>; for trusted input.</summary>
    public static NameAddress Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"not a valid name-addr: '{text}'");

    /// <summary>Parses one name-addr or addr-spec with its parameters; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out NameAddress? value)
    {
        var reader = new SipValueReader(text);
        if (!TryRead(ref reader, out value))
        {
            return false;
        }
        reader.SkipWhitespace();
        if (!reader.AtEnd)
        {
            value = null;
            return false;
        }
        return true;
    }

    internal static bool TryRead(ref SipValueReader reader, [NotNullWhen(true)] out NameAddress? value)
    {
        value = null;
        reader.SkipWhitespace();
        string? displayName = null;
        SipUri? uri;
        if (reader.Peek == '"')
        {
            if (!reader.TryReadQuotedString(out _, out var unescaped))
            {
                return false;
            }
            displayName = unescaped;
            reader.SkipWhitespace();
            if (reader.Peek != '<')
            {
                return false;
            }
        }
        var rest = reader.Rest;
        var angle = rest.IndexOf('<');
        var uriEnd = rest.IndexOfAny(';', ',');
        if (angle >= 0 && (uriEnd < 0 || angle < uriEnd || displayName is not null))
        {
            if (displayName is null && angle > 0)
            {
                // display-name = *(token LWS): words of token characters separated by whitespace. Non-ASCII letters
                // are not tokens, but phones send unquoted UTF-8 names and refusing their calls helps nobody.
                var words = rest[..angle].TrimEnd(" \t");
                foreach (var c in words)
                {
                    if (!SipGrammar.IsTokenChar(c) && !SipGrammar.IsWhitespace(c) && c < 128)
                    {
                        return false;
                    }
                }
                displayName = words.ToString();
            }
            var close = rest[angle..].IndexOf('>');
            if (close < 0 || !SipUri.TryParse(rest[(angle + 1)..(angle + close)], out uri))
            {
                return false;
            }
            reader.Position += angle + close + 1;
        }
        else
        {
            // addr-spec without brackets: parameters after the URI belong to the header, not the URI (§20.10).
            var end = 0;
            while (end < rest.Length && rest[end] is not ';' and not ',' and not ' ' and not '\t')
            {
                end++;
            }
            if (!SipUri.TryParse(rest[..end], out uri) || uri.Headers is not null)
            {
                return false;
            }
            reader.Position += end;
        }
        if (!reader.TryReadHeaderParameters(out var parameters))
        {
            return false;
        }
        value = new NameAddress(uri, displayName, parameters);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => _text ??= Format();

    /// <summary>Same text (model identity).</summary>
    public override bool Equals(object? obj) => obj is NameAddress other && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    private string Format()
    {
        var builder = new StringBuilder(96);
        if (!string.IsNullOrEmpty(DisplayName))
        {
            AppendQuoted(builder, DisplayName);
            builder.Append(' ');
        }
        builder.Append('<').Append(Uri.ToString()).Append('>');
        Parameters.AppendTo(builder);
        return builder.ToString();
    }

    internal static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        builder.Append('"');
    }
}
