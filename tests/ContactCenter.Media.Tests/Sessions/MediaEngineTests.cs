using System.Text;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Mixing;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Tests.Transport;
using ContactCenter.TestSupport;

namespace ContactCenter.Media.Tests.Sessions;

public sealed class MediaEngineTests : IAsyncLifetime
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new();
    private readonly string _recordings = Path.Combine(Path.GetTempPath(), "cc-media-tests", Guid.NewGuid().ToString("N"));
    private readonly List<LoopbackPeer> _phones = [];
    private MediaEngine _engine = null!;

    public ValueTask InitializeAsync()
    {
        var options = new MediaEngineOptions { RecordingDirectory = _recordings };
        options.Transport.PortRangeStart = 45000;
        options.Transport.PortRangeEnd = 45999;
        _engine = new MediaEngine(options, _time);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        _phones.ForEach(p => p.Dispose());
        if (Directory.Exists(_recordings))
        {
            Directory.Delete(_recordings, recursive: true);
        }
    }

    private (MediaLeg Leg, LoopbackPeer Phone) Leg(string id, G711Codec codec)
    {
        var leg = _engine.CreateLeg(id, codec);
        var phone = new LoopbackPeer();
        _phones.Add(phone);
        leg.SetRemote(phone.EndPoint);
        return (leg, phone);
    }

    private static Task Received(MediaLeg leg, long count) =>
        Eventually.TrueAsync(() => leg.Session.PacketsReceived >= count, Wait, $"leg {leg.Id} to receive {count} packets");

    [Fact]
    public async Task Plays_a_prompt_and_collects_digits()
    {
        var (leg, phone) = Leg("ivr", G711Codec.MuLaw);
        var finished = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        leg.PlayoutFinished += (_, completed) => finished.TrySetResult(completed);

        var play = leg.Play(new short[480]);
        Assert.True(leg.IsPlaying);
        _time.Advance(Frame * 3);
        Assert.True(await play.WaitAsync(Wait, TestContext.Current.CancellationToken));
        Assert.True(await finished.Task.WaitAsync(Wait, TestContext.Current.CancellationToken));
        Assert.Equal(3, Enumerable.Range(0, 3).Select(i => phone.Receive($"prompt frame {i}")).Select(p => p.Header.SequenceNumber).Distinct().Count());

        var digits = new List<char>();
        leg.DigitReceived += (_, d) => digits.Add(d.Digit);
        var collect = leg.CollectDigits(new DigitCollectOptions { MaxDigits = 2 });
        var sender = new TelephoneEventSender();
        ushort seq = 1;
        foreach (var (digit, start) in new[] { ('4', 1000u), ('2', 3000u) })
        {
            sender.Start(DtmfEvent.ToCode(digit), start, 800);
            var payload = new byte[4];
            while (sender.TryNextPacket(out var packet))
            {
                packet.Payload.Write(payload);
                phone.Send(leg.LocalEndPoint, new RtpHeader(101, seq++, packet.Timestamp, 9, packet.Marker), payload);
            }
        }
        Assert.Equal(new DigitCollectResult("42", DigitCollectEnd.MaxDigits), await collect.WaitAsync(Wait, TestContext.Current.CancellationToken));
        await Received(leg, seq - 1);
        Assert.Equal("42", new string(digits.ToArray()));
    }

    [Fact]
    public async Task Sends_digits_as_rfc4733_events()
    {
        var (leg, phone) = Leg("out", G711Codec.ALaw);
        var send = leg.SendDigits("1#");
        for (var i = 0; i < 50 && !send.IsCompleted; i++)
        {
            _time.Advance(Frame);
        }
        await send.WaitAsync(Wait, TestContext.Current.CancellationToken);

        var detector = new TelephoneEventDetector();
        var detected = new StringBuilder();
        var sequences = new List<ushort>();
        while (phone.HasPending)
        {
            var (header, payload) = phone.Receive("a DTMF packet");
            Assert.Equal(leg.TelephoneEventPayloadType, header.PayloadType);
            sequences.Add(header.SequenceNumber);
            if (detector.TryDetect(header.Marker, header.Timestamp, payload, out var d))
            {
                detected.Append(d.Digit);
            }
        }
        Assert.Equal("1#", detected.ToString());
        // 100 ms events: five updates (the last with E) plus two more end packets each.
        Assert.Equal(14, sequences.Count);
        Assert.Equal(sequences, sequences.Select((_, i) => (ushort)(sequences[0] + i)));
    }

    [Fact]
    public async Task Bridges_with_transcoding_and_records_both_sides()
    {
        var (caller, callerPhone) = Leg("caller", G711Codec.MuLaw);
        var (agent, agentPhone) = Leg("agent", G711Codec.ALaw);
        using var bridge = _engine.Bridge(caller, agent);
        Assert.Throws<InvalidOperationException>(() => _engine.Bridge(caller, _engine.CreateLeg("third", G711Codec.MuLaw)));
        var recording = _engine.Record(bridge, "call-1");
        var callerVoice = Enumerable.Repeat(MuLaw.Encode(1000), 160).ToArray();
        var agentVoice = Enumerable.Repeat(ALaw.Encode(-2000), 160).ToArray();

        for (var i = 0; i < 50; i++)
        {
            callerPhone.Send(caller.LocalEndPoint, new RtpHeader(0, (ushort)i, (uint)(i * 160), 1), callerVoice);
            agentPhone.Send(agent.LocalEndPoint, new RtpHeader(8, (ushort)(7000 + i), (uint)(i * 160), 2), agentVoice);
            await Received(caller, i + 1);
            await Received(agent, i + 1);
            _time.Advance(Frame);
        }
        recording.Pause();
        _time.Advance(Frame * 10);
        var metadata = bridge.StopRecording();

        Assert.NotNull(metadata);
        Assert.Equal(61 * 0.02, metadata.DurationSeconds, 6);
        Assert.Single(metadata.Pauses);
        using var wav = File.OpenRead(Path.Combine(_recordings, "call-1.wav"));
        var header = WavHeader.Read(wav);
        Assert.Equal(WavFormat.PcmStereo8k, header.Format);
        Assert.Equal(TimeSpan.FromSeconds(61 * 0.02), header.Duration);
        var data = new byte[header.DataLength];
        wav.ReadExactly(data);
        // Frame 40 is well past the jitter buffer's start: caller on the left, agent on the right.
        var offset = 40 * 160 * 4;
        Assert.Equal(MuLaw.Decode(callerVoice[0]), BitConverter.ToInt16(data, offset));
        Assert.Equal(ALaw.Decode(agentVoice[0]), BitConverter.ToInt16(data, offset + 2));
        Assert.Equal(0, BitConverter.ToInt16(data, data.Length - 4));

        var atAgent = agentPhone.DrainLast();
        var atCaller = callerPhone.DrainLast();
        Assert.Equal(G711Transcoder.MuLawToALaw(callerVoice[0]), atAgent!.Value.Payload[0]);
        Assert.Equal(G711Transcoder.ALawToMuLaw(agentVoice[0]), atCaller!.Value.Payload[0]);
    }

    [Theory]
    // Each hears the sum of whom the mode lets them hear: caller 1000, agent 2000, supervisor 4000.
    [InlineData(SupervisorMode.Monitor, 2000, 1000, 3000)]
    [InlineData(SupervisorMode.Whisper, 2000, 5000, 3000)]
    [InlineData(SupervisorMode.Barge, 6000, 5000, 3000)]
    public async Task Supervision_modes_route_audio_by_their_matrix(SupervisorMode mode, int callerHears, int agentHears, int supervisorHears)
    {
        var parties = new[] { Leg("c", G711Codec.MuLaw), Leg("a", G711Codec.ALaw), Leg("s", G711Codec.MuLaw) };
        var levels = new short[] { 1000, 2000, 4000 };
        using var conference = _engine.Supervise(parties[0].Leg, parties[1].Leg, parties[2].Leg, mode);

        for (var i = 0; i < 15; i++)
        {
            for (var p = 0; p < 3; p++)
            {
                var codec = parties[p].Leg.Codec;
                var payload = new byte[160];
                G711.Encode(codec, Enumerable.Repeat(levels[p], 160).ToArray(), payload);
                parties[p].Phone.Send(parties[p].Leg.LocalEndPoint, new RtpHeader((byte)codec, (ushort)i, (uint)(i * 160), (uint)p), payload);
            }
            foreach (var (leg, _) in parties)
            {
                await Received(leg, i + 1);
            }
            _time.Advance(Frame);
        }

        var expected = new[] { callerHears, agentHears, supervisorHears };
        for (var p = 0; p < 3; p++)
        {
            var last = parties[p].Phone.DrainLast();
            Assert.NotNull(last);
            var pcm = new short[160];
            G711.Decode(parties[p].Leg.Codec, last.Value.Payload, pcm);
            Assert.InRange(pcm[80], expected[p] * 0.94, expected[p] * 1.06);
        }
    }

    [Fact]
    public async Task Recording_continues_through_supervision()
    {
        var (caller, callerPhone) = Leg("caller", G711Codec.MuLaw);
        var (agent, agentPhone) = Leg("agent", G711Codec.MuLaw);
        var (supervisor, supervisorPhone) = Leg("supervisor", G711Codec.MuLaw);
        var bridge = _engine.Bridge(caller, agent);
        _engine.Record(bridge, "call-9");
        var voice = Enumerable.Repeat(MuLaw.Encode(3000), 160).ToArray();
        Conference? conference = null;

        for (var i = 0; i < 30; i++)
        {
            if (i == 10)
            {
                conference = _engine.StartSupervision(bridge, supervisor, SupervisorMode.Monitor);
            }
            if (i == 20)
            {
                bridge = _engine.EndSupervision(conference!);
            }
            callerPhone.Send(caller.LocalEndPoint, new RtpHeader(0, (ushort)i, (uint)(i * 160), 1), voice);
            supervisorPhone.Send(supervisor.LocalEndPoint, new RtpHeader(0, (ushort)i, (uint)(i * 160), 3), voice);
            await Received(caller, i + 1);
            await Received(supervisor, i + 1);
            _time.Advance(Frame);
        }
        var metadata = bridge.StopRecording();
        bridge.Dispose();

        Assert.NotNull(metadata);
        // Frame 0 of each of the three stages runs at once when its pacer starts: 11 + 10 + 11 frames.
        Assert.Equal(32 * 0.02, metadata.DurationSeconds, 6);
        using var wav = File.OpenRead(Path.Combine(_recordings, "call-9.wav"));
        var header = WavHeader.Read(wav);
        var data = new byte[header.DataLength];
        wav.ReadExactly(data);
        var left = Enumerable.Range(0, data.Length / 4).Select(i => BitConverter.ToInt16(data, i * 4)).ToArray();
        var right = Enumerable.Range(0, data.Length / 4).Select(i => BitConverter.ToInt16(data, (i * 4) + 2)).ToArray();
        // The caller is heard in the supervised stretch too; the agent sent nothing; the supervisor is not recorded.
        Assert.Contains(left.Skip(16 * 160).Take(160), s => s == MuLaw.Decode(voice[0]));
        Assert.All(right, s => Assert.Equal(0, s));
        Assert.Equal(voice[0], agentPhone.DrainLast()!.Value.Payload[80]);
    }

    [Fact]
    public async Task Release_is_idempotent_and_frees_the_id()
    {
        var (leg, _) = Leg("gone", G711Codec.MuLaw);
        Assert.Throws<InvalidOperationException>(() => _engine.CreateLeg("gone", G711Codec.MuLaw));
        await _engine.ReleaseAsync("gone");
        await _engine.ReleaseAsync("gone");
        Assert.False(_engine.TryGetLeg("gone", out _));
        Assert.Equal("gone", leg.Id);
        await using var again = _engine.CreateLeg("gone", G711Codec.MuLaw);
        Assert.True(_engine.TryGetLeg("gone", out _));
    }
}
