using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Parsing;

/// <summary>Writes messages in wire form: start line, headers in order (canonical names), Content-Length always
/// present and equal to the body length (§18.3 makes it mandatory on streams; stating it everywhere is harmless),
/// empty line, body.</summary>
public static class SipMessageSerializer
{
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    /// <summary>The message as a new byte array.</summary>
    public static byte[] Serialize(SipMessage message)
    {
        var bytes = new byte[GetByteCount(message)];
        var written = Write(message, bytes);
        return written == bytes.Length ? bytes : throw new InvalidOperationException("serializer length mismatch");
    }

    /// <summary>The exact number of bytes <see cref="Write"/> produces.</summary>
    public static int GetByteCount(SipMessage message)
    {
        var count = StartLineByteCount(message) + 2;
        var hasLength = false;
        foreach (var header in message.Headers)
        {
            if (ReferenceEquals(header.Name, SipHeaderNames.ContentLength))
            {
                if (hasLength)
                {
                    continue;
                }
                hasLength = true;
                count += ContentLengthLineBytes(message.Body.Length);
                continue;
            }
            count += Encoding.UTF8.GetByteCount(header.Name) + 2 + Encoding.UTF8.GetByteCount(header.Value) + 2;
        }
        if (!hasLength)
        {
            count += ContentLengthLineBytes(message.Body.Length);
        }
        return count + 2 + message.Body.Length;
    }

    /// <summary>Writes the message into <paramref name="destination"/> (at least <see cref="GetByteCount"/> long);
    /// returns the number of bytes written.</summary>
    public static int Write(SipMessage message, Span<byte> destination)
    {
        var position = WriteStartLine(message, destination);
        var hasLength = false;
        foreach (var header in message.Headers)
        {
            if (ReferenceEquals(header.Name, SipHeaderNames.ContentLength))
            {
                if (hasLength)
                {
                    continue;
                }
                hasLength = true;
                position += WriteContentLength(message.Body.Length, destination[position..]);
                continue;
            }
            position += Encoding.UTF8.GetBytes(header.Name, destination[position..]);
            destination[position++] = (byte)':';
            destination[position++] = (byte)' ';
            position += Encoding.UTF8.GetBytes(header.Value, destination[position..]);
            position += Put(Crlf, destination[position..]);
        }
        if (!hasLength)
        {
            position += WriteContentLength(message.Body.Length, destination[position..]);
        }
        position += Put(Crlf, destination[position..]);
        message.Body.Span.CopyTo(destination[position..]);
        return position + message.Body.Length;
    }

    private static int StartLineByteCount(SipMessage message) => message switch
    {
        SipRequest request => Encoding.UTF8.GetByteCount(request.Method) + 1 + Encoding.UTF8.GetByteCount(request.RequestUri.ToString()) + 1 + SipMessage.SipVersion.Length,
        SipResponse response => SipMessage.SipVersion.Length + 5 + Encoding.UTF8.GetByteCount(response.ReasonPhrase),
        _ => throw new ArgumentException("unknown message kind", nameof(message)),
    };

    private static int WriteStartLine(SipMessage message, Span<byte> destination)
    {
        var position = 0;
        if (message is SipRequest request)
        {
            position += Encoding.UTF8.GetBytes(request.Method, destination);
            destination[position++] = (byte)' ';
            position += Encoding.UTF8.GetBytes(request.RequestUri.ToString(), destination[position..]);
            destination[position++] = (byte)' ';
            position += Encoding.ASCII.GetBytes(SipMessage.SipVersion, destination[position..]);
        }
        else
        {
            var response = (SipResponse)message;
            position += Encoding.ASCII.GetBytes(SipMessage.SipVersion, destination);
            destination[position++] = (byte)' ';
            response.StatusCode.TryFormat(destination[position..], out var digits, default, System.Globalization.CultureInfo.InvariantCulture);
            position += digits;
            destination[position++] = (byte)' ';
            position += Encoding.UTF8.GetBytes(response.ReasonPhrase, destination[position..]);
        }
        return position + Put(Crlf, destination[position..]);
    }

    private static int ContentLengthLineBytes(int length) => "Content-Length: ".Length + Digits(length) + 2;

    private static int WriteContentLength(int length, Span<byte> destination)
    {
        var position = Put("Content-Length: "u8, destination);
        length.TryFormat(destination[position..], out var digits, default, System.Globalization.CultureInfo.InvariantCulture);
        position += digits;
        return position + Put(Crlf, destination[position..]);
    }

    private static int Digits(int value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }
        return digits;
    }

    private static int Put(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        bytes.CopyTo(destination);
        return bytes.Length;
    }
}
