using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ContactCenter.Sip.Sdp;

/// <summary>Parses session descriptions (RFC 4566). Accepts CRLF or bare LF line ends and unknown line types; rejects
/// what cannot be negotiated safely (missing or broken v=, o=, c=, m=). Never throws.</summary>
public static class SdpParser
{
    /// <summary>Most media descriptions accepted in one description.</summary>
    public const int MaxMedia = 32;

    /// <summary>Parses a body.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out SdpSession? session, [NotNullWhen(false)] out string? error)
    {
        var text = System.Text.Unicode.Utf8.IsValid(body) ? Encoding.UTF8.GetString(body) : Encoding.Latin1.GetString(body);
        return TryParse(text, out session, out error);
    }

    /// <summary>Parses text.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SdpSession? session, [NotNullWhen(false)] out string? error)
    {
        session = null;
        SdpOrigin? origin = null;
        var version = -1;
        var name = "-";
        var info = new List<KeyValuePair<char, string>>();
        var times = new List<KeyValuePair<char, string>>();
        var attributes = new List<SdpAttribute>();
        var bandwidths = new List<string>();
        var media = new List<SdpMedia>();
        SdpConnection? connection = null;
        SdpMedia? current = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }
            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]) || line.AsSpan().IndexOfAny('\0', '\r') >= 0)
            {
                return Fail($"malformed line '{Short(line)}'", out error);
            }
            var type = line[0];
            var value = line[2..];
            if (version < 0 && type != 'v')
            {
                return Fail("the description does not start with v=", out error);
            }
            switch (type)
            {
                case 'v':
                    if (version >= 0 || value != "0")
                    {
                        return Fail("v= must appear once, as v=0", out error);
                    }
                    version = 0;
                    break;
                case 'o':
                    var o = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (o.Length != 6)
                    {
                        return Fail("o= needs six fields", out error);
                    }
                    origin = new SdpOrigin(o[0], o[1], o[2], o[3], o[4], o[5]);
                    break;
                case 's':
                    name = value;
                    break;
                case 'c':
                    if (!TryParseConnection(value, out var parsed))
                    {
                        return Fail($"invalid c= '{Short(value)}'", out error);
                    }
                    if (current is null)
                    {
                        connection = parsed;
                    }
                    else
                    {
                        current.Connection = parsed;
                    }
                    break;
                case 'b':
                    (current?.Bandwidths ?? bandwidths).Add(value);
                    break;
                case 'a':
                    var colon = value.IndexOf(':', StringComparison.Ordinal);
                    var attribute = colon < 0 ? new SdpAttribute(value) : new SdpAttribute(value[..colon], value[(colon + 1)..]);
                    if (attribute.Name.Length == 0)
                    {
                        return Fail("attribute without a name", out error);
                    }
                    (current?.Attributes ?? attributes).Add(attribute);
                    break;
                case 'm':
                    if (media.Count == MaxMedia || !TryParseMedia(value, out current))
                    {
                        return Fail($"invalid or too many m= '{Short(value)}'", out error);
                    }
                    media.Add(current);
                    break;
                case 't' or 'r' or 'z' when current is null:
                    times.Add(new(type, value));
                    break;
                default:
                    (current?.OtherLines ?? info).Add(new(type, value));
                    break;
            }
        }
        if (origin is null)
        {
            return Fail("missing o=", out error);
        }
        session = new SdpSession
        {
            Version = 0, Origin = origin, SessionName = name, InfoLines = info, Connection = connection,
            Bandwidths = bandwidths, TimeLines = times, Attributes = attributes, Media = media,
        };
        error = null;
        return true;
    }

    private static bool TryParseConnection(string value, [NotNullWhen(true)] out SdpConnection? connection)
    {
        connection = null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || parts[1] is not ("IP4" or "IP6"))
        {
            return false;
        }
        connection = new SdpConnection(parts[0], parts[1], parts[2]);
        return true;
    }

    private static bool TryParseMedia(string value, [NotNullWhen(true)] out SdpMedia? media)
    {
        media = null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4)
        {
            return false;
        }
        var portText = parts[1];
        int? count = null;
        var slash = portText.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!int.TryParse(portText.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return false;
            }
            count = n;
            portText = portText[..slash];
        }
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return false;
        }
        media = new SdpMedia { Media = parts[0], Port = port, PortCount = count, Protocol = parts[2], Formats = [.. parts[3..]] };
        return true;
    }

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
