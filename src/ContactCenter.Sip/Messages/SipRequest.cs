namespace ContactCenter.Sip.Messages;

/// <summary>A SIP request (RFC 3261 §7.1).</summary>
public sealed class SipRequest : SipMessage
{
    /// <summary>Creates a request with empty headers.</summary>
    public SipRequest(string method, SipUri requestUri)
        : this(method, requestUri, new SipHeaderCollection())
    {
    }

    /// <summary>Creates a request with the given headers.</summary>
    public SipRequest(string method, SipUri requestUri, SipHeaderCollection headers)
        : base(headers)
    {
        Method = method;
        RequestUri = requestUri;
    }

    /// <summary>The method (case-sensitive).</summary>
    public string Method { get; }

    /// <summary>The Request-URI.</summary>
    public SipUri RequestUri { get; set; }

    /// <inheritdoc/>
    public override bool IsRequest => true;

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {RequestUri} {SipVersion}";
}
