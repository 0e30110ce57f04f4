using System.Globalization;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Interop.Tests.Audio;
using ContactCenter.Interop.Tests.Baresip;
using ContactCenter.Interop.Tests.Peers;
using ContactCenter.Media.Recording;
using ContactCenter.TestSupport;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>The README's demo with a real softphone: baresip registers as the demo's agent1 (digest auth against the
/// sample profile's hashes), a second baresip calls the demo number 200, and agent1's phone rings and answers. Each
/// baresip sends its own tone from a WAV file and records what it receives, so the test checks that the caller's audio
/// reached the agent's phone (and back) for as long as the conversation went on, and what the front end recorded.</summary>
public sealed class BaresipFrontEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>How much conversation the front end records before the caller hangs up; each phone must have heard the
    /// other's tone for most of it.</summary>
    private static readonly TimeSpan Talk = TimeSpan.FromSeconds(3);

    /// <summary>The share of <see cref="Talk"/> a phone hears the other party's tone at least: the rest allows for the
    /// phone's jitter buffer filling up and a lost packet.</summary>
    private const double HeardShare = 0.8;

    [Fact]
    public async Task Baresip_registers_as_a_demo_agent_and_takes_a_call_to_the_demo_queue_number()
    {
        var cancellation = TestContext.Current.CancellationToken;
        PeerTools.Baresip();
        var recordings = Directory.CreateTempSubdirectory("cc-interop-recordings-").FullName;
        try
        {
            await using var node = await FrontEndNode.StartAsync("24600-24799", flags: [$"--Telephony:RecordingDirectory={recordings}"]);
            var domain = $"127.0.0.1:{node.SipPort}";
            await using var agentPhone = await BaresipInstance.StartAsync(
                $"<sip:agent1@{domain}>;auth_pass=agent1-phone;regint=300;answermode=auto;audio_codecs=PCMU,PCMA", null,
                CallParties.Agent.Frequency, record: true, cancellation);
            await using var caller = await BaresipInstance.StartAsync($"<sip:caller@{domain}>;regint=0;audio_codecs=PCMU,PCMA", null,
                CallParties.Caller.Frequency, record: true, cancellation);
            string Context(string phase) => $"{phase}\nagent phone: {agentPhone.Diagnostics}\ncaller: {caller.Diagnostics}";

            // The phone registers as it starts, possibly before the control connection can hear it: the front end's binding
            // is what tells.
            await Eventually.TrueAsync(
                async () => agentPhone.Control.HasEvent("REGISTER_FAIL") || await node.Bindings.FindLatestAsync("agent1", DateTimeOffset.UtcNow, cancellation) is not null,
                Patience, "agent1's phone registered or refused");
            Assert.False(agentPhone.Control.HasEvent("REGISTER_FAIL"), Context("register"));
            Assert.True((await node.Grains.GetGrain<IAgentGrain>("agent1").LogInAsync()).Succeeded);

            var (dialed, data) = await caller.Control.SendAsync("dial", $"sip:200@{domain}", Patience, cancellation);
            Assert.True(dialed, Context($"dial refused: {data}"));
            await Conditions.WaitAsync(
                () => agentPhone.Control.HasEvent("CALL_ESTABLISHED") && caller.Control.HasEvent("CALL_ESTABLISHED"),
                Patience, "the caller and agent1's phone both in the call", () => Context("call"), cancellation);

            // The conversation lasts as long as the front end takes to record Talk of it.
            var callId = node.Calls.FindCallId(caller.Control.CallIdOf("CALL_ESTABLISHED") ?? "");
            Assert.True(callId is not null, Context("the front end knows the caller's call"));
            await node.Calls.RecordAsync(callId, RecordingCommand.Start);
            var recording = Path.Combine(recordings, callId + ".wav");
            var talkLength = WavHeader.CanonicalLength + (long)(Talk.TotalSeconds * WavFormat.PcmStereo8k.ByteRate);
            await Conditions.WaitAsync(() => File.Exists(recording) && new FileInfo(recording).Length >= talkLength, Patience,
                $"call {callId}: {Talk} of conversation recorded", () => Context("talk"), cancellation);

            var (hungUp, hangupData) = await caller.Control.SendAsync("hangup", null, Patience, cancellation);
            Assert.True(hungUp, Context($"hangup refused: {hangupData}"));
            await Conditions.WaitAsync(() => agentPhone.Control.HasEvent("CALL_CLOSED"), Patience, "agent1's phone hung up by the front end", () => Context("hang-up"), cancellation);
            await Conditions.WaitAsync(() => File.Exists(Path.ChangeExtension(recording, ".json")), Patience, $"call {callId}: the recording completed",
                () => Context("recording"), cancellation);

            // Quitting closes the phones' own recordings.
            await agentPhone.QuitAsync(Patience, cancellation);
            await caller.QuitAsync(Patience, cancellation);
            ExpectHeard("agent1's phone", agentPhone.ReadReceived(), CallParties.Caller, CallParties.Agent);
            ExpectHeard("the caller's phone", caller.ReadReceived(), CallParties.Agent, CallParties.Caller);
            var (left, right, _) = StereoWav.Read(recording);
            ToneAssert.Hears("the recording's left channel", left, WavFile.Amplitude, [CallParties.Caller], [CallParties.Agent]);
            ToneAssert.Hears("the recording's right channel", right, WavFile.Amplitude, [CallParties.Agent], [CallParties.Caller]);
        }
        finally
        {
            Directory.Delete(recordings, recursive: true);
        }
    }

    /// <summary>The phone heard <paramref name="other"/>'s tone for most of the conversation, and its own tone not
    /// back (typically: music before the answer may pass its frequency now and then).</summary>
    private static void ExpectHeard(string phone, short[] received, Party other, Party own)
    {
        var heard = ToneAnalysis.Duration(received, other.Frequency, WavFile.Amplitude * ToneAssert.PresentShare);
        var echo = ToneAnalysis.Level(received, own.Frequency);
        var context = string.Create(CultureInfo.InvariantCulture,
            $"{phone} received {TimeSpan.FromSeconds((double)received.Length / ToneAnalysis.SampleRate)}: {other.Name}'s tone for {heard}, its own at {echo:F0}");
        Assert.True(heard >= Talk * HeardShare, context);
        Assert.True(echo < WavFile.Amplitude * ToneAssert.AbsentShare, context);
    }
}
