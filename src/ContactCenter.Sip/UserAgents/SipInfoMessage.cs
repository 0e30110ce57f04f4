namespace ContactCenter.Sip.UserAgents;

/// <summary>An INFO request's content that is not DTMF (RFC 6086): its content type (null without a body) and body.</summary>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="Body">The body.</param>
public sealed record SipInfoMessage(string? ContentType, ReadOnlyMemory<byte> Body);
