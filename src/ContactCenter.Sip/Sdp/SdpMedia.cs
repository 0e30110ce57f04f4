using System.Globalization;

namespace ContactCenter.Sip.Sdp;

/// <summary>One media description: the <c>m=</c> line and the lines under it (RFC 4566 §5.14).</summary>
public sealed class SdpMedia
{
    /// <summary>Media type: audio, video, application…</summary>
    public required string Media { get; init; }

    /// <summary>Transport port; 0 marks a rejected or disabled stream (RFC 3264 §6, §8.2).</summary>
    public int Port { get; set; }

    /// <summary>The <c>/number</c> of ports, when given.</summary>
    public int? PortCount { get; init; }

    /// <summary>Transport protocol, e.g. RTP/AVP.</summary>
    public required string Protocol { get; init; }

    /// <summary>Media formats: RTP payload types for RTP/AVP.</summary>
    public List<string> Formats { get; init; } = [];

    /// <summary>Media-level <c>c=</c>; null to use the session's.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary><c>b=</c> values as written (<c>AS:64</c>).</summary>
    public List<string> Bandwidths { get; init; } = [];

    /// <summary><c>i=</c> and <c>k=</c> lines, type and value, kept for re-serialization.</summary>
    public List<KeyValuePair<char, string>> OtherLines { get; init; } = [];

    /// <summary>The attributes in order.</summary>
    public List<SdpAttribute> Attributes { get; init; } = [];

    /// <summary>The direction attribute of this media; null when it has none.</summary>
    public SdpDirection? Direction => SdpSession.FindDirection(Attributes);

    /// <summary>a=ptime in milliseconds; null when absent.</summary>
    public int? Ptime => GetAttribute("ptime") is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : null;

    /// <summary>The value of the first attribute of that name; null when absent (or a property attribute).</summary>
    public string? GetAttribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute.Value;
            }
        }
        return null;
    }

    /// <summary>The a=rtpmap of a payload type: encoding name and clock rate (RFC 4566 §6).</summary>
    public bool TryGetRtpMap(string payloadType, out string encodingName, out int clockRate)
    {
        encodingName = "";
        clockRate = 0;
        if (FindFormatAttribute("rtpmap", payloadType) is not { } value)
        {
            return false;
        }
        var parts = value.Split('/');
        encodingName = parts[0];
        return parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out clockRate);
    }

    /// <summary>The a=fmtp parameters of a payload type; null when absent.</summary>
    public string? GetFmtp(string payloadType) => FindFormatAttribute("fmtp", payloadType);

    /// <summary>Replaces any direction attribute with <paramref name="direction"/>.</summary>
    public void SetDirection(SdpDirection direction)
    {
        Attributes.RemoveAll(a => SdpSession.ParseDirection(a.Name) is not null);
        Attributes.Add(new SdpAttribute(SdpSession.FormatDirection(direction)));
    }

    private string? FindFormatAttribute(string name, string payloadType)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Value is { } value && string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase)
                && value.StartsWith(payloadType, StringComparison.Ordinal) && value.Length > payloadType.Length && value[payloadType.Length] == ' ')
            {
                return value[(payloadType.Length + 1)..].Trim();
            }
        }
        return null;
    }
}
