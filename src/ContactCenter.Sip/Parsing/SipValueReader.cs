using System.Buffers;
using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Parsing;

/// <summary>A cursor over one header value for the typed-header grammars of RFC 3261 §25.1. Never throws: each
/// <c>Try…</c> reports failure and leaves the caller to reject the value.</summary>
internal ref struct SipValueReader
{
    private readonly ReadOnlySpan<char> _text;

    public SipValueReader(ReadOnlySpan<char> text)
    {
        _text = text;
        Position = 0;
    }

    public int Position { get; set; }

    public readonly bool AtEnd => Position >= _text.Length;

    public readonly char Peek => Position < _text.Length ? _text[Position] : '\0';

    public readonly ReadOnlySpan<char> Rest => _text[Position..];

    /// <summary>LWS/SWS between grammar elements (folding was already replaced by a space when the header was read).</summary>
    public void SkipWhitespace()
    {
        while (Position < _text.Length && SipGrammar.IsWhitespace(_text[Position]))
        {
            Position++;
        }
    }

    public bool TryConsume(char c)
    {
        if (Position < _text.Length && _text[Position] == c)
        {
            Position++;
            return true;
        }
        return false;
    }

    public ReadOnlySpan<char> ReadToken() => ReadWhile(SipGrammar.Token);

    /// <summary>Reads the longest run of characters in <paramref name="set"/> (vectorized).</summary>
    public ReadOnlySpan<char> ReadWhile(SearchValues<char> set)
    {
        var rest = _text[Position..];
        var length = rest.IndexOfAnyExcept(set);
        if (length < 0)
        {
            length = rest.Length;
        }
        Position += length;
        return rest[..length];
    }

    /// <summary>Reads a quoted-string (§25.1) at the cursor; <paramref name="raw"/> keeps quotes and escapes,
    /// <paramref name="unescaped"/> is its content with quoted-pairs resolved.</summary>
    public bool TryReadQuotedString(out ReadOnlySpan<char> raw, out string unescaped)
    {
        raw = default;
        unescaped = "";
        var start = Position;
        if (!TryConsume('"'))
        {
            return false;
        }
        StringBuilder? builder = null;
        var segment = Position;
        while (Position < _text.Length)
        {
            var c = _text[Position];
            if (c == '"')
            {
                var content = _text[segment..Position];
                unescaped = builder is null ? content.ToString() : builder.Append(content).ToString();
                Position++;
                raw = _text[start..Position];
                return true;
            }
            if (c == '\\')
            {
                if (Position + 1 >= _text.Length || _text[Position + 1] is '\r' or '\n')
                {
                    return false;
                }
                builder ??= new StringBuilder();
                builder.Append(_text[segment..Position]).Append(_text[Position + 1]);
                Position += 2;
                segment = Position;
                continue;
            }
            if (c is '\r' or '\n' or '\0')
            {
                return false;
            }
            Position++;
        }
        return false;
    }

    /// <summary>Reads <c>*( SWS ";" SWS name [ SWS "=" SWS value ] )</c> of a header (generic-param, §25.1).</summary>
    public bool TryReadHeaderParameters(out SipParameters parameters)
    {
        parameters = SipParameters.Empty;
        List<KeyValuePair<string, string?>>? items = null;
        while (true)
        {
            var mark = Position;
            SkipWhitespace();
            if (!TryConsume(';'))
            {
                Position = mark;
                break;
            }
            SkipWhitespace();
            var name = ReadToken();
            if (name.IsEmpty)
            {
                return false;
            }
            SkipWhitespace();
            string? value = null;
            if (TryConsume('='))
            {
                SkipWhitespace();
                if (Peek == '"')
                {
                    if (!TryReadQuotedString(out var raw, out _))
                    {
                        return false;
                    }
                    value = raw.ToString();
                }
                else
                {
                    var span = ReadWhile(SipGrammar.HeaderParam);
                    if (span.IsEmpty)
                    {
                        return false;
                    }
                    value = span.ToString();
                }
            }
            items ??= [];
            items.Add(new(name.ToString(), value));
        }
        if (items is not null)
        {
            parameters = new SipParameters([.. items]);
        }
        return true;
    }

    /// <summary>Reads <c>*( ";" name [ "=" value ] )</c> of a URI (no whitespace allowed, §19.1.1).</summary>
    public bool TryReadUriParameters(out SipParameters parameters)
    {
        parameters = SipParameters.Empty;
        List<KeyValuePair<string, string?>>? items = null;
        while (TryConsume(';'))
        {
            var name = ReadWhile(SipGrammar.UriParam);
            if (name.IsEmpty || !HasValidEscapes(name))
            {
                return false;
            }
            string? value = null;
            if (TryConsume('='))
            {
                var span = ReadWhile(SipGrammar.UriParam);
                if (span.IsEmpty || !HasValidEscapes(span))
                {
                    return false;
                }
                value = span.ToString();
            }
            items ??= [];
            items.Add(new(name.ToString(), value));
        }
        if (items is not null)
        {
            parameters = new SipParameters([.. items]);
        }
        return true;
    }

    /// <summary>Every <c>%</c> is followed by two hex digits (§25.1 escaped).</summary>
    public static bool HasValidEscapes(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2])))
            {
                return false;
            }
        }
        return true;
    }
}
