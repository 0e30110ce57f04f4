namespace ContactCenter.Sip.UserAgents;

/// <summary>How a transfer we asked for with REFER goes: the status line of a NOTIFY's <c>message/sipfrag</c> body
/// (RFC 3515 §2.4.5).</summary>
/// <param name="StatusCode">The status of the transferee's INVITE to the target (100 Trying, 180, 200, 486…).</param>
/// <param name="ReasonPhrase">Its reason phrase.</param>
/// <param name="IsFinal">Whether the subscription ended (<c>Subscription-State: terminated</c>): no more NOTIFYs.</param>
public sealed record SipTransferProgress(int StatusCode, string ReasonPhrase, bool IsFinal);
