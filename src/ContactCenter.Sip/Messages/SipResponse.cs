namespace ContactCenter.Sip.Messages;

/// <summary>A SIP response (RFC 3261 §7.2).</summary>
public sealed class SipResponse : SipMessage
{
    /// <summary>Creates a response with empty headers.</summary>
    public SipResponse(int statusCode, string? reasonPhrase = null)
        : this(statusCode, reasonPhrase, new SipHeaderCollection())
    {
    }

    /// <summary>Creates a response with the given headers.</summary>
    public SipResponse(int statusCode, string? reasonPhrase, SipHeaderCollection headers)
        : base(headers)
    {
        if (statusCode is < 100 or > 699)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "a SIP status code is 100 to 699 (RFC 3261 §7.2)");
        }
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase ?? SipStatusCodes.GetReasonPhrase(statusCode);
    }

    /// <summary>The status code, 100 to 699.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase (free text; may be empty).</summary>
    public string ReasonPhrase { get; }

    /// <summary>Whether this is a provisional (1xx) response.</summary>
    public bool IsProvisional => StatusCode < 200;

    /// <summary>Whether this is a 2xx response.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <inheritdoc/>
    public override bool IsRequest => false;

    /// <inheritdoc/>
    public override string ToString() => $"{SipVersion} {StatusCode} {ReasonPhrase}";
}
