namespace ContactCenter.Sip.Parsing;

/// <summary>One unit cut from a stream by <see cref="SipStreamFramer"/>.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="Data">The message bytes for <see cref="SipFrameKind.Message"/>; valid only until the next
/// <see cref="SipStreamFramer.Append"/> (the framer reuses its buffer).</param>
/// <param name="Error">Why framing failed, for <see cref="SipFrameKind.Error"/>.</param>
public readonly record struct SipFrame(SipFrameKind Kind, ReadOnlyMemory<byte> Data, string? Error = null);
