using ContactCenter.Actors;

namespace ContactCenter.Contracts.Calls.Media;

/// <summary>The media and dialog side of calls, implemented by a SIP/media front end (one reference per front end,
/// serving all its calls) and by a scripted fake in tests. The call grain decides; the front end carries out. Every
/// method starts its action and returns without waiting for the far end: outcomes (answered, rang out, digits, hang-up)
/// come back as <see cref="CallMediaEvent"/>s through <see cref="ICallGrain.OnMediaEventAsync"/>, so an implementation
/// must never wait on the call grain inside these methods (the grain is in its turn while it calls them).</summary>
public interface ICallMedia : IGrainObserver
{
    /// <summary>Answers the caller's leg (200 OK), e.g. before IVR prompts or queue music.</summary>
    Task AnswerAsync(string callId);

    /// <summary>Plays prompts (or loops music) to the caller; replaces what was playing.</summary>
    Task PlayAsync(string callId, MediaPlayback playback);

    /// <summary>Stops what plays to the caller.</summary>
    Task StopPlaybackAsync(string callId);

    /// <summary>Collects DTMF digits from the caller; the result comes back as <see cref="DigitsCollected"/>.
    /// Collection starts at once, so keys pressed while a prompt plays count (the call grain stops the prompt when they
    /// end the collection); its timeout runs from the end of the playback going on when it started.</summary>
    Task CollectDigitsAsync(string callId, DigitCollection collection);

    /// <summary>Records a voicemail from the caller (IVR-3); the result comes back as <see cref="VoicemailRecorded"/>.
    /// </summary>
    Task RecordVoicemailAsync(string callId, VoicemailRecording recording);

    /// <summary>Rings the agent's line for this call (ring-per-call: a new INVITE, with auto-answer headers when the
    /// agent's profile has <see cref="Configuration.AgentProfile.AutoAnswer"/>; persistent line held by this front end:
    /// an offer tone in the line; one held by another front end: a leg relayed into it there) and reports <see cref="AgentAnswered"/> or <see cref="AgentLegFailed"/> (a line busy with another call: busy).</summary>
    Task RingAgentAsync(string callId, AgentLegRequest request);

    /// <summary>The ringing agent answered from the workspace: an offer on a persistent line connects (once the line is
    /// up); a ring-per-call phone that answered by itself (auto-answer) is connected, or is connected as soon as it does;
    /// a phone that only rings connects when the agent picks it up. Reports <see cref="AgentAnswered"/> once the leg is
    /// connected, as when the agent picks up the phone.</summary>
    Task AnswerAgentAsync(string callId, string agentId);

    /// <summary>Ends one party's leg of the call — an agent's, or a listening supervisor's (<paramref name="agentId"/> is
    /// their id): stops ringing it (CANCEL) or hangs it up (BYE); the other legs stay. Used when the ring timeout
    /// passes, the caller hung up while the agent rang, or an agent leaves a call that goes on (transfer, consult).</summary>
    Task DropLegAsync(string callId, string agentId);

    /// <summary>Connects the call's agent with another agent's answered leg while the customer stays on hold (a
    /// consultation); <see cref="BridgeAsync"/> or <see cref="ConferenceAsync"/> ends it.</summary>
    Task ConsultAsync(string callId, string agentId);

    /// <summary>Connects the caller and the agent's answered leg (stops playback).</summary>
    Task BridgeAsync(string callId, string agentId);

    /// <summary>Puts the customer on hold (music) or takes them off it.</summary>
    Task HoldAsync(string callId, bool held);

    /// <summary>Starts, pauses or resumes recording of both sides (REC-1).</summary>
    Task RecordAsync(string callId, RecordingCommand command);

    /// <summary>Dials an external number for the call (agent-initiated call, forward) and reports
    /// <see cref="ExternalAnswered"/> or <see cref="ExternalLegFailed"/>.</summary>
    Task DialAsync(string callId, ExternalLegRequest request);

    /// <summary>Hands the customer to an external number or line and leaves the call (blind transfer, forward); reports
    /// <see cref="TransferCompleted"/> or <see cref="TransferFailed"/>.</summary>
    Task TransferAsync(string callId, string target);

    /// <summary>Adds a third party (another agent's answered leg) to the call's conversation.</summary>
    Task ConferenceAsync(string callId, string agentId);

    /// <summary>Connects a supervisor's leg to the call in the given mode (monitor, whisper, barge).</summary>
    Task ListenInAsync(string callId, ListenInRequest request);

    /// <summary>Ends every leg of the call that the platform does not keep (a persistent agent line stays up).</summary>
    Task HangUpAsync(string callId, CallEndReason reason);

    /// <summary>Opens agent <paramref name="agentId"/>'s persistent line (<see cref="Configuration.LineMode.PersistentLine"/>,
    /// CALL-4): the front end calls the agent's phone once — the phone registered for the profile's
    /// <see cref="Configuration.AgentProfile.Phone"/> (else its SIP user name), or, when <c>Phone</c> is an external
    /// number such as a mobile, that number through the outbound trunks — and keeps the leg up between calls (silence).
    /// The outcome comes back as <see cref="Agents.AgentLineEvent"/>s through <see cref="Agents.IAgentGrain.OnLineEventAsync"/>:
    /// up once the phone answered, down when it could not be opened or drops later. While it holds the line, this front
    /// end plays an offer tone into it for <see cref="RingAgentAsync"/> instead of ringing the phone; the agent accepts
    /// with <c>1</c> on the phone's keypad or from the workspace (<see cref="AnswerAgentAsync"/>), and
    /// <see cref="BridgeAsync"/>, <see cref="DropLegAsync"/> and <see cref="HangUpAsync"/> connect the caller to the line
    /// and take it back without ending it. The line-up event carries an offer address: another front end asked to ring
    /// the agent (<see cref="Agents.IAgentGrain.GetLineOfferAddressAsync"/>) sends its leg there, and this front end
    /// relays it into the line. Opening a line the front end holds already does nothing; a new
    /// <paramref name="lineId"/> for the same agent replaces the old line.</summary>
    Task OpenLineAsync(string agentId, string lineId);

    /// <summary>Closes the agent's persistent line (BYE; CANCEL while it rings), e.g. at log-out, without reporting it.
    /// A line the front end does not hold (another id, ended already) is ignored.</summary>
    Task CloseLineAsync(string agentId, string lineId);
}
