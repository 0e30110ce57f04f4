using ContactCenter.Media.Codecs;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Tests.Transport;
using ContactCenter.TestSupport;

namespace ContactCenter.Media.Tests.Recording;

public sealed class VoicemailRecorderTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cc-media-tests", Guid.NewGuid().ToString("N"));
    private readonly LoopbackPeer _phone = new();
    private MediaEngine _engine = null!;

    public ValueTask InitializeAsync()
    {
        var options = new MediaEngineOptions();
        options.Transport.PortRangeStart = 46000;
        options.Transport.PortRangeEnd = 46099;
        _engine = new MediaEngine(options, new FakeTimeProvider());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        _phone.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Records_the_legs_audio_as_mono_pcm_up_to_the_longest_duration()
    {
        var leg = _engine.CreateLeg("voicemail", G711Codec.ALaw);
        leg.SetRemote(_phone.EndPoint);
        var path = Path.Combine(_directory, "mailbox", "message.wav");
        var recorder = _engine.RecordVoicemail(leg, path, TimeSpan.FromSeconds(1.5));
        Assert.Throws<InvalidOperationException>(() => _engine.Bridge(leg, _engine.CreateLeg("agent", G711Codec.ALaw)));
        var voice = Enumerable.Repeat(ALaw.Encode(1200), 160).ToArray();

        for (var i = 0; i < 50; i++)
        {
            _phone.Send(leg.LocalEndPoint, new RtpHeader(8, (ushort)i, (uint)(i * 160), 3), voice);
        }
        await Eventually.TrueAsync(() => recorder.Duration == TimeSpan.FromSeconds(1), Wait, $"1 s recorded (now {recorder.Duration})");
        for (var i = 50; i < 100; i++)
        {
            _phone.Send(leg.LocalEndPoint, new RtpHeader(8, (ushort)i, (uint)(i * 160), 3), voice);
        }
        await Eventually.TrueAsync(() => leg.Session.PacketsReceived >= 100, Wait, "all packets received");
        await Eventually.TrueAsync(() => recorder.Duration == TimeSpan.FromSeconds(1.5), Wait, $"capped at 1.5 s (now {recorder.Duration})");

        Assert.Equal(TimeSpan.FromSeconds(1.5), recorder.Complete());
        Assert.Equal(TimeSpan.FromSeconds(1.5), recorder.Complete());
        var samples = WavReader.ReadMono8k(path);
        Assert.Equal(12000, samples.Length);
        Assert.All(samples, s => Assert.Equal(ALaw.Decode(voice[0]), s));
        // Completing detached the recorder: the leg can be bridged now.
        _engine.Bridge(leg, _engine.CreateLeg("agent-2", G711Codec.ALaw)).Dispose();
    }
}
