namespace ContactCenter.Sip.Authentication;

/// <summary>What <see cref="SipNonces"/> says about a nonce a client returned.</summary>
internal enum SipNonceStatus
{
    /// <summary>Ours and within its lifetime.</summary>
    Valid,

    /// <summary>Ours but past its lifetime: a right answer gets a new challenge with stale=true (RFC 7616 §3.3).</summary>
    Stale,

    /// <summary>Not issued by this process (or for another realm), or malformed.</summary>
    Invalid,
}
