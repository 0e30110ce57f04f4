namespace ContactCenter.Sip.Authentication;

/// <summary>The digest algorithms this stack computes (RFC 7616 §3.3, RFC 8760 for SIP).</summary>
public enum SipDigestAlgorithm
{
    /// <summary>MD5 (RFC 2617; the default when a challenge or response names no algorithm).</summary>
    Md5,

    /// <summary>SHA-256 (RFC 7616, RFC 8760); offered first.</summary>
    Sha256,
}
