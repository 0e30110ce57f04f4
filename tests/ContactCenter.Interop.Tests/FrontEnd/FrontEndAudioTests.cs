using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Interop.Tests.Audio;
using ContactCenter.Media.Recording;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>Who hears whom through the front end, by the tone each party's phone plays (<see cref="CallParties"/>) and
/// what each leg receives (<see cref="Hearing"/>), and what a call recording holds in each channel.</summary>
public sealed class FrontEndAudioTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>How much conversation the recording test records before it stops the recording.</summary>
    private static readonly TimeSpan Talk = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_whispering_supervisor_is_heard_by_the_agent_only_and_a_barging_one_by_both()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("22000-22199");
        await using var phone = MediaPeer.Start(22200, CallParties.Agent.Frequency);
        await using var caller = MediaPeer.Start(22400, CallParties.Caller.Frequency);
        await using var supervisorPhone = MediaPeer.Start(22600, CallParties.Supervisor.Frequency);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}\n{supervisorPhone.Log.Tail()}";
        const string agentId = "coached-agent";
        const string supervisorId = "coaching-supervisor";
        await FrontEndScenario.RegisterAgentAsync(node, phone, agentId, "coached-phone", "coached-queue", Diagnostics, cancellation);
        await FrontEndScenario.AddPhoneAsync(node, supervisorPhone, supervisorId, "coaching-phone", queueId: null, Diagnostics, cancellation);
        var (call, callId) = await FrontEndScenario.ConnectCallerAsync(node, caller, phone, "coached-queue", "7700", Diagnostics, cancellation);
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        var agentLeg = phone.Calls.Keys.Single();

        var whisper = await grain.ListenInAsync(supervisorId, ListenInMode.Whisper);
        Assert.True(whisper.Succeeded, whisper.Message);
        await Conditions.WaitAsync(() => supervisorPhone.Invites == 1 && !supervisorPhone.Calls.IsEmpty, Wait, $"call {callId}: the supervisor's phone is rung and answers", Diagnostics, cancellation);
        var supervisorLeg = supervisorPhone.Calls.Keys.Single();
        await FrontEndScenario.ExpectRtpAsync(supervisorPhone, supervisorLeg, phone, agentLeg, Diagnostics, cancellation);
        await Hearing.ExpectAsync(Wait, cancellation,
            new(CallParties.Supervisor, supervisorPhone, supervisorLeg, [CallParties.Caller, CallParties.Agent], []),
            new(CallParties.Agent, phone, agentLeg, [CallParties.Caller, CallParties.Supervisor], []),
            new(CallParties.Caller, caller, call.CallId, [CallParties.Agent], [CallParties.Supervisor]));

        // The same supervisor barges in: the mix changes, the legs stay.
        var barge = await grain.ListenInAsync(supervisorId, ListenInMode.Barge);
        Assert.True(barge.Succeeded, barge.Message);
        await Hearing.ExpectAsync(Wait, cancellation,
            new(CallParties.Supervisor, supervisorPhone, supervisorLeg, [CallParties.Caller, CallParties.Agent], []),
            new(CallParties.Agent, phone, agentLeg, [CallParties.Caller, CallParties.Supervisor], []),
            new(CallParties.Caller, caller, call.CallId, [CallParties.Agent, CallParties.Supervisor], []));
        Assert.Equal(1, supervisorPhone.Invites);

        await call.HangUpAsync();
        await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(agentLeg) && supervisorPhone.HungUpByPeer.Contains(supervisorLeg), Wait,
            $"call {callId}: the agent's and the supervisor's phones get a BYE", Diagnostics, cancellation);
    }

    [Fact]
    public async Task A_recorded_call_has_the_caller_on_the_left_and_the_agent_on_the_right_and_not_a_whispering_supervisor()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var recordings = Directory.CreateTempSubdirectory("cc-interop-recordings-").FullName;
        try
        {
            await using var node = await FrontEndNode.StartAsync("22800-22999", flags: [$"--Telephony:RecordingDirectory={recordings}"]);
            await using var phone = MediaPeer.Start(23000, CallParties.Agent.Frequency);
            await using var caller = MediaPeer.Start(23200, CallParties.Caller.Frequency);
            await using var supervisorPhone = MediaPeer.Start(23400, CallParties.Supervisor.Frequency);
            string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}\n{supervisorPhone.Log.Tail()}";
            const string supervisorId = "recorded-supervisor";
            await FrontEndScenario.RegisterAgentAsync(node, phone, "recorded-agent", "recorded-phone", "recorded-queue", Diagnostics, cancellation);
            await FrontEndScenario.AddPhoneAsync(node, supervisorPhone, supervisorId, "recorded-supervisor-phone", queueId: null, Diagnostics, cancellation);
            var (call, callId) = await FrontEndScenario.ConnectCallerAsync(node, caller, phone, "recorded-queue", "7800", Diagnostics, cancellation);
            var grain = node.Grains.GetGrain<ICallGrain>(callId);
            var agentLeg = phone.Calls.Keys.Single();

            // The front end's own command (no grain records calls yet): the bridge records into {callId}.wav.
            await node.Calls.RecordAsync(callId, RecordingCommand.Start);
            var path = Path.Combine(recordings, callId + ".wav");
            long Recorded() => File.Exists(path) ? new FileInfo(path).Length - WavHeader.CanonicalLength : 0;
            var talk = (long)(Talk.TotalSeconds * WavFormat.PcmStereo8k.ByteRate);
            await Conditions.WaitAsync(() => Recorded() >= talk, Wait, $"call {callId}: {Talk} of conversation recorded to {path}", Diagnostics, cancellation);

            // A supervisor whispers to the agent: the recording goes on in the same file, without the supervisor.
            Assert.True((await grain.ListenInAsync(supervisorId, ListenInMode.Whisper)).Succeeded);
            await Conditions.WaitAsync(() => !supervisorPhone.Calls.IsEmpty, Wait, $"call {callId}: the supervisor's phone answers", Diagnostics, cancellation);
            var supervisorLeg = supervisorPhone.Calls.Keys.Single();
            await Hearing.ExpectAsync(Wait, cancellation, new Hearing(CallParties.Agent, phone, agentLeg, [CallParties.Caller, CallParties.Supervisor], []));
            var whispered = Recorded();
            await Conditions.WaitAsync(() => Recorded() >= whispered + talk, Wait, $"call {callId}: {Talk} more recorded during the whisper", Diagnostics, cancellation);
            await node.Calls.RecordAsync(callId, RecordingCommand.Stop);

            var (left, right, sampleRate) = StereoWav.Read(path);
            Assert.Equal(ToneAnalysis.SampleRate, sampleRate);
            Assert.True(left.Length >= 2 * Talk.TotalSeconds * sampleRate, $"{left.Length} samples recorded");
            ToneAssert.Hears("the recording's left channel", left, MediaPeer.ToneAmplitude, [CallParties.Caller], [CallParties.Agent, CallParties.Supervisor]);
            ToneAssert.Hears("the recording's right channel", right, MediaPeer.ToneAmplitude, [CallParties.Agent], [CallParties.Caller, CallParties.Supervisor]);
            var whisperStart = (int)(whispered / WavFormat.PcmStereo8k.BlockAlign);
            ToneAssert.Hears("the recording's left channel during the whisper", left.AsSpan(whisperStart), MediaPeer.ToneAmplitude,
                [CallParties.Caller], [CallParties.Agent, CallParties.Supervisor]);
            ToneAssert.Hears("the recording's right channel during the whisper", right.AsSpan(whisperStart), MediaPeer.ToneAmplitude,
                [CallParties.Agent], [CallParties.Caller, CallParties.Supervisor]);
            Assert.True(File.Exists(Path.ChangeExtension(path, ".json")), "the recording's sidecar");

            await call.HangUpAsync();
            await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(agentLeg) && supervisorPhone.HungUpByPeer.Contains(supervisorLeg), Wait,
                $"call {callId}: the agent's and the supervisor's phones get a BYE", Diagnostics, cancellation);
        }
        finally
        {
            Directory.Delete(recordings, recursive: true);
        }
    }
}
