namespace ContactCenter.Sip.Messages;

/// <summary>The URI schemes the stack understands; anything else is kept as an opaque absolute URI (RFC 3261 §19.1,
/// a request with one gets 416 from the UA core).</summary>
public enum SipUriScheme
{
    /// <summary><c>sip:</c> (RFC 3261 §19.1).</summary>
    Sip,

    /// <summary><c>sips:</c> (RFC 3261 §19.1).</summary>
    Sips,

    /// <summary><c>tel:</c> (RFC 3966); the number is in <see cref="SipUri.User"/>.</summary>
    Tel,

    /// <summary>Any other absolute URI, kept verbatim in <see cref="SipUri.Opaque"/>.</summary>
    Other,
}
