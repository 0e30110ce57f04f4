using System.Text;

namespace ContactCenter.Sip.Parsing;

/// <summary>Cuts a TCP/TLS byte stream into messages by the empty line and Content-Length (RFC 3261 §18.3), and
/// recognises CRLF keep-alives between messages (RFC 5626 §4.4.1). Reads may split anywhere, several messages may
/// arrive in one read. One instance per connection; not thread-safe.</summary>
/// <remarks>A message without Content-Length is taken to have no body (§18.3 makes the header mandatory on streams;
/// a body can only be delimited by it). A lone CRLF that ends a read is reported as a pong; a ping split after its
/// first CRLF therefore reads as two pongs, which costs one missed pong answer and nothing else.</remarks>
public sealed class SipStreamFramer
{
    private readonly SipParserOptions _options;
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;
    private int _scanned;
    private bool _faulted;

    /// <summary>Creates a framer applying the limits in <paramref name="options"/>.</summary>
    public SipStreamFramer(SipParserOptions? options = null)
    {
        _options = options ?? SipParserOptions.Default;
        _options.Validate();
    }

    /// <summary>Bytes received and not yet returned in a frame.</summary>
    public int BufferedBytes => _end - _start;

    /// <summary>Adds received bytes. Invalidates the data of frames returned earlier.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (_faulted)
        {
            return;
        }
        if (_end + data.Length > _buffer.Length)
        {
            var buffered = _end - _start;
            if (buffered + data.Length > _buffer.Length)
            {
                var grown = new byte[Math.Max(_buffer.Length * 2, buffered + data.Length)];
                _buffer.AsSpan(_start, buffered).CopyTo(grown);
                _buffer = grown;
            }
            else
            {
                _buffer.AsSpan(_start, buffered).CopyTo(_buffer);
            }
            _start = 0;
            _end = buffered;
        }
        data.CopyTo(_buffer.AsSpan(_end));
        _end += data.Length;
    }

    /// <summary>Takes the next complete frame; false when more bytes are needed (or after an error was reported).</summary>
    public bool TryRead(out SipFrame frame)
    {
        frame = default;
        if (_faulted)
        {
            return false;
        }
        var wait = false;
        if (_scanned == 0 && TryReadKeepAlive(out frame, out wait))
        {
            return true;
        }
        if (wait || _start == _end)
        {
            return false;
        }
        var data = _buffer.AsSpan(_start, _end - _start);
        var headerEnd = FindHeaderEnd(data);
        if (headerEnd < 0)
        {
            return data.Length > _options.MaxMessageSize && Fail($"no end of headers within {_options.MaxMessageSize} bytes", out frame);
        }
        if (!TryGetContentLength(data[..headerEnd], out var bodyLength))
        {
            return Fail("invalid Content-Length", out frame);
        }
        var total = (long)headerEnd + bodyLength;
        if (total > _options.MaxMessageSize)
        {
            return Fail($"a {total}-byte message exceeds the limit of {_options.MaxMessageSize}", out frame);
        }
        if (data.Length < total)
        {
            return false;
        }
        frame = new SipFrame(SipFrameKind.Message, _buffer.AsMemory(_start, (int)total));
        _start += (int)total;
        _scanned = 0;
        return true;
    }

    /// <summary>Consumes CRLFs that precede a message; reports ping/pong. Bare LFs are skipped silently.</summary>
    private bool TryReadKeepAlive(out SipFrame frame, out bool wait)
    {
        frame = default;
        wait = false;
        while (_start < _end)
        {
            var data = _buffer.AsSpan(_start, _end - _start);
            if (data[0] == '\n')
            {
                _start++;
                continue;
            }
            if (data[0] != '\r')
            {
                return false;
            }
            if (data.Length < 2 || (data[1] == '\n' && data.Length == 3 && data[2] == '\r'))
            {
                wait = true;
                return false;
            }
            if (data[1] != '\n')
            {
                _start++;
                continue;
            }
            var ping = data.Length >= 4 && data[2] == '\r' && data[3] == '\n';
            _start += ping ? 4 : 2;
            frame = new SipFrame(ping ? SipFrameKind.Ping : SipFrameKind.Pong, ReadOnlyMemory<byte>.Empty);
            return true;
        }
        return false;
    }

    /// <summary>Offset just past the empty line that ends the headers (CRLF or bare LF line ends), or -1.</summary>
    private int FindHeaderEnd(ReadOnlySpan<byte> data)
    {
        var from = _scanned;
        while (true)
        {
            var index = data[from..].IndexOf((byte)'\n');
            if (index < 0)
            {
                _scanned = Math.Max(0, data.Length - 1);
                return -1;
            }
            var lf = from + index;
            if (lf + 1 < data.Length && data[lf + 1] == '\n')
            {
                return lf + 2;
            }
            if (lf + 2 < data.Length && data[lf + 1] == '\r' && data[lf + 2] == '\n')
            {
                return lf + 3;
            }
            if (lf + 2 >= data.Length)
            {
                // The terminator may still be arriving: rescan from this LF next time.
                _scanned = lf;
                return -1;
            }
            from = lf + 1;
        }
    }

    private static bool TryGetContentLength(ReadOnlySpan<byte> headers, out long length)
    {
        length = 0;
        var found = false;
        while (!headers.IsEmpty)
        {
            var lf = headers.IndexOf((byte)'\n');
            var line = lf < 0 ? headers : headers[..lf];
            headers = lf < 0 ? default : headers[(lf + 1)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }
            var name = line[..colon].TrimEnd(" \t"u8);
            if (!Ascii.EqualsIgnoreCase(name, "Content-Length"u8) && !Ascii.EqualsIgnoreCase(name, "l"u8))
            {
                continue;
            }
            var value = line[(colon + 1)..].Trim(" \t\r"u8);
            if (value.IsEmpty || value.Length > 9 || !Ascii.IsValid(value))
            {
                return false;
            }
            long parsed = 0;
            foreach (var b in value)
            {
                if (b is < (byte)'0' or > (byte)'9')
                {
                    return false;
                }
                parsed = (parsed * 10) + (b - '0');
            }
            if (found && parsed != length)
            {
                return false;
            }
            found = true;
            length = parsed;
        }
        return true;
    }

    private bool Fail(string reason, out SipFrame frame)
    {
        // The connection is done for: let go of what it sent rather than hold it until the transport closes it.
        _faulted = true;
        _buffer = [];
        _start = 0;
        _end = 0;
        frame = new SipFrame(SipFrameKind.Error, ReadOnlyMemory<byte>.Empty, reason);
        return true;
    }
}
