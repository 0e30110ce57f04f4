namespace ContactCenter.Host.Telephony;

/// <summary>Settings of the sip role's front end, bound from configuration section <c>Telephony</c>
/// (<c>Telephony__RecordingDirectory</c>); where it listens comes from the node's flags (<c>--sip-port</c>,
/// <c>--rtp-ports</c>, <c>--bind</c>).</summary>
internal sealed class SipFrontEndOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Telephony";

    /// <summary>The prompt folder: <c>{PromptDirectory}/{language}/{promptId}.wav</c>. Default the <c>samples/prompts</c>
    /// folder the build copies next to the host.</summary>
    public string PromptDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "samples", "prompts");

    /// <summary>Where call recordings go (<c>{callId}.wav</c> with a JSON sidecar). Default
    /// <c>contactcenter/recordings</c> under the system's temporary folder.</summary>
    public string RecordingDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "contactcenter", "recordings");

    /// <summary>How long an agent's phone may ring when the call grain asks for no ring timeout of its own. Default 20 s.</summary>
    public TimeSpan DefaultRingTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
