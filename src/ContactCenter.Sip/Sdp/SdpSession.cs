using System.Text;

namespace ContactCenter.Sip.Sdp;

/// <summary>A session description (RFC 4566). Mutable so offers and answers can be built in place; lines the stack does
/// not interpret are kept so a description re-serializes faithfully.</summary>
public sealed class SdpSession
{
    /// <summary>v= (always 0).</summary>
    public int Version { get; set; }

    /// <summary>o=.</summary>
    public required SdpOrigin Origin { get; set; }

    /// <summary>s= ("-" when there is nothing to say; it may not be empty per §5.3).</summary>
    public string SessionName { get; set; } = "-";

    /// <summary>Session-level i=, u=, e=, p= lines, in order.</summary>
    public List<KeyValuePair<char, string>> InfoLines { get; init; } = [];

    /// <summary>Session-level c=; media may override.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>Session-level b= values.</summary>
    public List<string> Bandwidths { get; init; } = [];

    /// <summary>t=, r=, z= and k= lines, in order (at least one t= when serialized).</summary>
    public List<KeyValuePair<char, string>> TimeLines { get; init; } = [];

    /// <summary>Session-level attributes.</summary>
    public List<SdpAttribute> Attributes { get; init; } = [];

    /// <summary>The media descriptions, in order (RFC 3264 §6: an answer keeps the offer's order and count).</summary>
    public List<SdpMedia> Media { get; init; } = [];

    /// <summary>The direction that applies to <paramref name="media"/>: its own, else the session's, else sendrecv.</summary>
    public SdpDirection DirectionOf(SdpMedia media) => media.Direction ?? FindDirection(Attributes) ?? SdpDirection.SendRecv;

    /// <summary>The connection that applies to <paramref name="media"/>.</summary>
    public SdpConnection? ConnectionOf(SdpMedia media) => media.Connection ?? Connection;

    /// <summary>The description as text with CRLF line ends, in the order of RFC 4566 §5.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(512);
        Line(builder, 'v', Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(builder, 'o', Origin.ToString());
        Line(builder, 's', SessionName.Length == 0 ? "-" : SessionName);
        foreach (var line in InfoLines)
        {
            Line(builder, line.Key, line.Value);
        }
        if (Connection is not null)
        {
            Line(builder, 'c', Connection.ToString());
        }
        foreach (var bandwidth in Bandwidths)
        {
            Line(builder, 'b', bandwidth);
        }
        if (TimeLines.Count == 0)
        {
            Line(builder, 't', "0 0");
        }
        foreach (var line in TimeLines)
        {
            Line(builder, line.Key, line.Value);
        }
        foreach (var attribute in Attributes)
        {
            Line(builder, 'a', attribute.ToString());
        }
        foreach (var media in Media)
        {
            var port = media.PortCount is { } count ? $"{media.Port}/{count}" : media.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Line(builder, 'm', $"{media.Media} {port} {media.Protocol} {string.Join(' ', media.Formats)}");
            foreach (var line in media.OtherLines.Where(l => l.Key == 'i'))
            {
                Line(builder, line.Key, line.Value);
            }
            if (media.Connection is not null)
            {
                Line(builder, 'c', media.Connection.ToString());
            }
            foreach (var bandwidth in media.Bandwidths)
            {
                Line(builder, 'b', bandwidth);
            }
            foreach (var line in media.OtherLines.Where(l => l.Key != 'i'))
            {
                Line(builder, line.Key, line.Value);
            }
            foreach (var attribute in media.Attributes)
            {
                Line(builder, 'a', attribute.ToString());
            }
        }
        return builder.ToString();
    }

    /// <summary>The description as UTF-8 bytes, ready to be a message body.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    internal static SdpDirection? FindDirection(List<SdpAttribute> attributes)
    {
        SdpDirection? found = null;
        foreach (var attribute in attributes)
        {
            found = ParseDirection(attribute.Name) ?? found;
        }
        return found;
    }

    internal static SdpDirection? ParseDirection(string name) => name switch
    {
        "sendrecv" => SdpDirection.SendRecv,
        "sendonly" => SdpDirection.SendOnly,
        "recvonly" => SdpDirection.RecvOnly,
        "inactive" => SdpDirection.Inactive,
        _ => null,
    };

    internal static string FormatDirection(SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    private static void Line(StringBuilder builder, char type, string value) => builder.Append(type).Append('=').Append(value).Append("\r\n");
}
