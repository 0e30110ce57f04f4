namespace ContactCenter.Sip.Sdp;

/// <summary>An answer to an offer and what it means for our audio.</summary>
/// <param name="Answer">The answer to send (every offered stream answered, in order).</param>
/// <param name="Audio">The accepted audio stream; null when none could be accepted (reply 488 rather than send the answer).</param>
public sealed record SdpAnswerResult(SdpSession Answer, SdpNegotiatedAudio? Audio);
