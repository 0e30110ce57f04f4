using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

/// <summary>A dialog's identity (RFC 3261 §12): Call-ID, local tag and remote tag.</summary>
/// <param name="CallId">The Call-ID.</param>
/// <param name="LocalTag">Our tag.</param>
/// <param name="RemoteTag">The peer's tag.</param>
public readonly record struct SipDialogId(string CallId, string LocalTag, string RemoteTag)
{
    /// <summary>The dialog a request we received belongs to: our tag is in To, the peer's in From (§12.2.2); null
    /// when the request is outside any dialog (no To tag).</summary>
    public static SipDialogId? OfIncomingRequest(SipRequest request) =>
        request.To?.Tag is { } local && request.CallId is { } callId ? new SipDialogId(callId, local, request.From?.Tag ?? "") : null;

    /// <summary>The dialog a response we received belongs to: our tag is in From, the peer's in To (§12.1.2); null
    /// without a To tag.</summary>
    public static SipDialogId? OfIncomingResponse(SipResponse response) =>
        response.To?.Tag is { } remote && response.CallId is { } callId ? new SipDialogId(callId, response.From?.Tag ?? "", remote) : null;
}
