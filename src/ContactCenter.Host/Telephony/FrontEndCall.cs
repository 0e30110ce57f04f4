using ContactCenter.Media.Bridging;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Host.Telephony;

/// <summary>What the front end holds for one call: the caller's INVITE and media leg, the agents' legs, the bridge,
/// the recording and what plays. Commands from the grain and events from SIP and media come on different threads;
/// every field is guarded by <see cref="Sync"/>, and nothing slow (a grain call, a socket close) runs under it.</summary>
internal sealed class FrontEndCall(string callId, SipIncomingCall caller, MediaLeg callerMedia, byte[] answer)
{
    public Lock Sync { get; } = new();

    /// <summary>The call grain's key.</summary>
    public string CallId { get; } = callId;

    public SipIncomingCall Caller { get; } = caller;

    public MediaLeg CallerMedia { get; } = callerMedia;

    /// <summary>Our SDP answer, sent in the 200 OK when the grain answers.</summary>
    public byte[] Answer { get; } = answer;

    public Dictionary<string, FrontEndAgentLeg> Agents { get; } = new(StringComparer.Ordinal);

    public MediaBridge? Bridge { get; set; }

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
