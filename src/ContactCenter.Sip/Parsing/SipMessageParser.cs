using System.Buffers;
using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Parsing;

/// <summary>Parses one complete message (a datagram, or a frame cut by <see cref="SipStreamFramer"/>). Tolerant where
/// RFC 3261 allows (compact forms, folding, any case in names, bare LF line ends, leading CRLFs per §7.5), strict
/// elsewhere; never throws on input.</summary>
public static partial class SipMessageParser
{
    // Control characters other than HT are not allowed anywhere in the start line or headers (§25.1 TEXT-UTF8, LWS).
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127]);

    /// <summary>Parses <paramref name="data"/> as one message. A body shorter than Content-Length is malformed; bytes
    /// past it are ignored (§18.3); without Content-Length the body is the rest of the data.</summary>
    public static SipParseResult Parse(ReadOnlySpan<byte> data, SipParserOptions? options = null)
    {
        options ??= SipParserOptions.Default;
        if (data.Length > options.MaxMessageSize)
        {
            return SipParseResult.Failure(SipParseError.MessageTooLarge, $"{data.Length} bytes exceed the limit of {options.MaxMessageSize}");
        }
        var skip = 0;
        while (skip < data.Length && data[skip] is (byte)'\r' or (byte)'\n')
        {
            skip++;
        }
        if (skip == data.Length)
        {
            return SipParseResult.Failure(SipParseError.KeepAlive, "only CR/LF");
        }
        data = data[skip..];
        var lineEnd = data.IndexOf((byte)'\n');
        if (lineEnd < 0)
        {
            return SipParseResult.Failure(SipParseError.Truncated, "no end of the start line");
        }
        var startLine = TrimCr(data[..lineEnd]);
        var position = lineEnd + 1;
        var isResponse = startLine.Length >= 4 && Ascii.EqualsIgnoreCase(startLine[..4], "SIP/"u8);

        var headers = new SipHeaderCollection(24);
        var (error, detail) = ReadHeaders(data, ref position, headers, options);
        if (error == SipParseError.TooManyHeaders)
        {
            return SipParseResult.Failure(error, detail!);
        }

        SipMessage? message = null;
        var (startError, startDetail) = isResponse
            ? ParseStatusLine(startLine, headers, out message)
            : ParseRequestLine(startLine, headers, out message);
        if (startError != SipParseError.None)
        {
            (error, detail) = (startError, startDetail);
        }

        var body = data[Math.Min(position, data.Length)..];
        if (error == SipParseError.None)
        {
            (error, detail) = ApplyContentLength(headers, ref body);
        }
        if (error == SipParseError.None)
        {
            (error, detail) = Validate(message!, headers);
        }
        if (error != SipParseError.None)
        {
            return SipParseResult.Failure(error, detail!, !isResponse && IsRespondable(headers) ? headers : null);
        }
        if (!body.IsEmpty)
        {
            message!.Body = body.ToArray();
        }
        return SipParseResult.Success(message!);
    }

    private static (SipParseError, string?) ReadHeaders(ReadOnlySpan<byte> data, ref int position, SipHeaderCollection headers, SipParserOptions options)
    {
        var firstError = SipParseError.None;
        string? firstDetail = null;
        var count = 0;
        while (true)
        {
            var nl = position < data.Length ? data[position..].IndexOf((byte)'\n') : -1;
            if (nl < 0)
            {
                position = data.Length;
                return firstError != SipParseError.None ? (firstError, firstDetail) : (SipParseError.Truncated, "the header section does not end with an empty line");
            }
            var line = TrimCr(data.Slice(position, nl));
            position += nl + 1;
            if (line.IsEmpty)
            {
                return (firstError, firstDetail);
            }
            var (error, detail) = ReadHeaderLine(line, headers);
            if (error != SipParseError.None && firstError == SipParseError.None)
            {
                // Keep reading: a request whose Via, From, To, Call-ID and CSeq parse can still be answered with 400.
                (firstError, firstDetail) = (error, detail);
            }
            if (++count > options.MaxHeaderCount)
            {
                return (SipParseError.TooManyHeaders, $"more than {options.MaxHeaderCount} header lines");
            }
        }
    }

    private static (SipParseError, string?) ReadHeaderLine(ReadOnlySpan<byte> line, SipHeaderCollection headers)
    {
        if (line.IndexOfAny(ControlBytes) >= 0)
        {
            return (SipParseError.InvalidCharacters, "control character in a header line");
        }
        if (line[0] is (byte)' ' or (byte)'\t')
        {
            // §7.3.1 folding: a line starting with whitespace continues the previous header.
            if (headers.Count == 0)
            {
                return (SipParseError.InvalidHeaderLine, "continuation line before any header");
            }
            headers.AppendToLast(Decode(TrimWhitespace(line)));
            return (SipParseError.None, null);
        }
        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return (SipParseError.InvalidHeaderLine, "header line without a colon");
        }
        var name = line[..colon].TrimEnd(" \t"u8);
        if (!SipGrammar.IsToken(name))
        {
            return (SipParseError.InvalidHeaderLine, "invalid header name");
        }
        headers.AddCanonical(SipHeaderNames.Canonicalize(name), Decode(TrimWhitespace(line[(colon + 1)..])));
        return (SipParseError.None, null);
    }

    private static (SipParseError, string?) ApplyContentLength(SipHeaderCollection headers, ref ReadOnlySpan<byte> body)
    {
        long length = -1;
        foreach (var header in headers)
        {
            if (!ReferenceEquals(header.Name, SipHeaderNames.ContentLength))
            {
                continue;
            }
            if (!SipGrammar.TryParseNumber(header.Value, int.MaxValue, out var value))
            {
                return (SipParseError.InvalidContentLength, $"Content-Length '{Truncate(header.Value)}' is not a number");
            }
            if (length >= 0 && length != value)
            {
                return (SipParseError.InvalidContentLength, "two different Content-Length values");
            }
            length = value;
        }
        if (length > body.Length)
        {
            return (SipParseError.BodyTooShort, $"Content-Length {length} but {body.Length} body bytes");
        }
        if (length >= 0)
        {
            body = body[..(int)length];
        }
        return (SipParseError.None, null);
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

    private static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> value) => value.Trim(" \t"u8);

    /// <summary>ASCII fast path; UTF-8 otherwise (TEXT-UTF8). Invalid UTF-8 is read as Latin-1 rather than rejected:
    /// old phones send Latin-1 display names, and refusing their calls helps nobody.</summary>
    private static string Decode(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return "";
        }
        if (Ascii.IsValid(value))
        {
            return Encoding.ASCII.GetString(value);
        }
        return System.Text.Unicode.Utf8.IsValid(value) ? Encoding.UTF8.GetString(value) : Encoding.Latin1.GetString(value);
    }

    private static string Truncate(string text) => text.Length <= 32 ? text : string.Concat(text.AsSpan(0, 32), "…");
}
