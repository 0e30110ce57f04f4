using ContactCenter.Media.Prompts;
using ContactCenter.Sip.Authentication;

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

    /// <summary>The prompts generated for this node: speech of IVR prompt texts (<c>{GeneratedPromptDirectory}/{language}/tts-….wav</c>)
    /// and announcement recordings (<c>{GeneratedPromptDirectory}/_announcements</c>), written when configuration
    /// changes, never per call. Default <c>contactcenter/prompts</c> under the system's temporary folder.</summary>
    public string GeneratedPromptDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "contactcenter", "prompts");

    /// <summary>The text-to-speech tools (<c>Telephony__Speech__EspeakPath</c>, <c>…__SoxPath</c>,
    /// <c>…__ToolTimeout</c>); the voice is each tree's language. Default espeak-ng and sox from the PATH.</summary>
    public PromptGeneratorOptions Speech { get; set; } = new();

    /// <summary>Where call recordings go (<c>{callId}.wav</c> with a JSON sidecar). Default
    /// <c>contactcenter/recordings</c> under the system's temporary folder.</summary>
    public string RecordingDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "contactcenter", "recordings");

    /// <summary>Where callers' voicemails go (<c>{callId}-{recordingId}.wav</c>, 8 kHz mono 16-bit PCM). Default
    /// <c>contactcenter/voicemail</c> under the system's temporary folder.</summary>
    public string VoicemailDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "contactcenter", "voicemail");

    /// <summary>The digest algorithms the registrar challenges agents' phones with, one WWW-Authenticate each, in this
    /// order (<c>Telephony__DigestAlgorithms__0=Sha256</c>, …). Default MD5 only: Debian's baresip (libre 1.x) and many
    /// desk phones refuse a challenge list that names an algorithm they lack, rather than picking the one they know.
    /// The profiles keep SHA-256 hashes too, so SHA-256 can be switched on for phones that support it. (Null here
    /// stands for the default: the configuration binder appends to an array that already has items.)</summary>
    public SipDigestAlgorithm[]? DigestAlgorithms { get; set; }

    /// <summary>How long an agent's phone may ring when the call grain asks for no ring timeout of its own. Default 20 s.</summary>
    public TimeSpan DefaultRingTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
