using ContactCenter.Media.Bridging;
using ContactCenter.Media.Mixing;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Host.Telephony;

/// <summary>What the front end holds for one call: the customer's dialog and media leg, the agents' legs, the bridge,
/// the recording and what plays. For an inbound call the customer's dialog is the INVITE that arrived; for an outbound
/// call (an agent dialling out) it is the INVITE the front end sends through a trunk once the agent answered, and the
/// customer's media leg exists from the start so the agent's leg is made in its law. Commands from the grain and events from SIP and media come on different threads;
/// every field is guarded by <see cref="Sync"/>, and nothing slow (a grain call, a socket close) runs under it.</summary>
internal sealed class FrontEndCall(string callId, SipCall? caller, MediaLeg callerMedia, byte[] answer)
{
    public Lock Sync { get; } = new();

    /// <summary>The call grain's key.</summary>
    public string CallId { get; } = callId;

    /// <summary>The customer's dialog; null for an outbound call until its INVITE is sent.</summary>
    public SipCall? Caller { get; set; } = caller;

    /// <summary>The front end placed the customer's leg (an agent dialled out): there is no INVITE to answer.</summary>
    public bool Outbound { get; } = caller is null;

    /// <summary>The agent who placed the call from the phone (its INVITE is the agent's leg, see
    /// <see cref="FrontEndAgentLeg.Placed"/>); null for every other call.</summary>
    public string? PlacingAgentId { get; init; }

    public MediaLeg CallerMedia { get; } = callerMedia;

    /// <summary>An attended transfer from the agent's phone moves this call's customer to the far end of the agent's
    /// consultation call: the grain's transfer command completes with that call's leg. Null when none is pending.</summary>
    public (FrontEndCall Call, string AgentId)? AttendedFrom { get; set; }

    /// <summary>The customer's leg (<see cref="Caller"/> and <see cref="CallerMedia"/>) went to another call with an
    /// attended transfer: ending this call leaves it alone.</summary>
    public bool HandedOver { get; set; }

    /// <summary>Our SDP answer, sent in the 200 OK when the grain answers; empty for an outbound call.</summary>
    public byte[] Answer { get; } = answer;

    public Dictionary<string, FrontEndAgentLeg> Agents { get; } = new(StringComparer.Ordinal);

    public MediaBridge? Bridge { get; set; }

    /// <summary>The external leg of a blind transfer (dialled through a trunk, not an agent); null when none.</summary>
    public FrontEndAgentLeg? Transfer { get; set; }

    /// <summary>The transfer completed: the customer talks to the transfer target through the front end, the grain has
    /// left the call, and either side's BYE ends both legs without a report.</summary>
    public bool Transferred { get; set; }

    /// <summary>The listening supervisor's leg; null when nobody listens in.</summary>
    public FrontEndAgentLeg? Supervisor { get; set; }

    /// <summary>How the supervisor listens in.</summary>
    public SupervisorMode SupervisorMode { get; set; }

    /// <summary>Caller, agent and supervisor mixed while a supervisor listens in (in place of <see cref="Bridge"/>).</summary>
    public Conference? Supervision { get; set; }

    /// <summary>The call's agent and a consulted agent talking while the customer holds; null when no consultation.</summary>
    public MediaBridge? Consultation { get; set; }

    /// <summary>Caller, the call's agent and the consulted agent mixed (in place of <see cref="Bridge"/>); null when
    /// no conference.</summary>
    public Conference? Conference { get; set; }

    /// <summary>The caller's voicemail being recorded; null when none.</summary>
    public FrontEndVoicemail? Voicemail { get; set; }

    /// <summary>The agent the caller talks to (or returns to after hold).</summary>
    public string? BridgedAgentId { get; set; }

    public bool Held { get; set; }

    /// <summary>Recording was started and not stopped: a bridge made later records too.</summary>
    public bool RecordingWanted { get; set; }

    /// <summary>The recording while the customer holds (no bridge feeds it then).</summary>
    public CallRecording? ParkedRecording { get; set; }

    /// <summary>When the non-looping playback going on ends (digit timeouts run from there); null when none plays.</summary>
    public DateTimeOffset? PlaybackEndsAt { get; set; }

    /// <summary>The call is over for the front end: later commands and SIP events are ignored.</summary>
    public bool Ended { get; set; }

    /// <summary>The events reported so far, chained so the grain receives them in order.</summary>
    public Task Reports { get; set; } = Task.CompletedTask;
}
