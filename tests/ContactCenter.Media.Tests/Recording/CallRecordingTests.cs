using System.Text.Json;
using ContactCenter.Media.Recording;
using ContactCenter.TestSupport;

namespace ContactCenter.Media.Tests.Recording;

public sealed class CallRecordingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cc-media-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Records_both_sides_with_pauses_as_silence_and_writes_the_sidecar()
    {
        var time = new FakeTimeProvider();
        var caller = Enumerable.Repeat((short)1000, 160).ToArray();
        var agent = Enumerable.Repeat((short)-2000, 160).ToArray();
        RecordingMetadata metadata;
        string wavPath;
        using (var recording = CallRecording.Start(_directory, "call-42", "leg-c", "leg-a", time))
        {
            wavPath = recording.WavPath;
            for (var frame = 0; frame < 150; frame++)
            {
                // Frames 50..99 (1 s) are paused, e.g. while a card number is read out.
                if (frame == 50)
                {
                    recording.Pause();
                    recording.Pause();
                }
                if (frame == 100)
                {
                    recording.Resume();
                }
                recording.Write(caller, agent);
            }
            metadata = recording.Complete();
            Assert.Same(metadata, recording.Complete());
        }

        using (var stream = File.OpenRead(wavPath))
        {
            var header = WavHeader.Read(stream);
            Assert.Equal(WavFormat.PcmStereo8k, header.Format);
            Assert.Equal(TimeSpan.FromSeconds(3), header.Duration);
            var data = new byte[header.DataLength];
            stream.ReadExactly(data);
            Assert.Equal(1000, BitConverter.ToInt16(data, 0));
            Assert.Equal(-2000, BitConverter.ToInt16(data, 2));
            Assert.Equal(0, BitConverter.ToInt16(data, 60 * 160 * 4));
            Assert.Equal(-2000, BitConverter.ToInt16(data, (120 * 160 * 4) + 2));
        }

        Assert.Equal(3.0, metadata.DurationSeconds);
        Assert.Equal([new RecordingPause(1.0, 1.0)], metadata.Pauses);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "call-42.json")));
        var root = json.RootElement;
        Assert.Equal("call-42", root.GetProperty("callId").GetString());
        Assert.Equal("call-42.wav", root.GetProperty("file").GetString());
        Assert.Equal(time.GetUtcNow(), root.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(3.0, root.GetProperty("durationSeconds").GetDouble());
        var legs = root.GetProperty("legs").EnumerateArray().Select(l => (l.GetProperty("channel").GetString(), l.GetProperty("legId").GetString(), l.GetProperty("role").GetString())).ToList();
        Assert.Equal([("left", "leg-c", "caller"), ("right", "leg-a", "agent")], legs);
    }

    [Fact]
    public void Ending_while_paused_closes_the_pause_and_a_second_recording_of_a_call_is_refused()
    {
        var time = new FakeTimeProvider();
        var frame = new short[160];
        using (var recording = CallRecording.Start(_directory, "call-7", "c", "a", time))
        {
            recording.Write(frame, frame);
            recording.Pause();
            recording.Write(frame, frame);
            Assert.True(recording.IsPaused);
            var metadata = recording.Complete();
            Assert.Equal([new RecordingPause(0.02, 0.02)], metadata.Pauses);
        }
        Assert.Throws<IOException>(() => CallRecording.Start(_directory, "call-7", "c", "a", time));
        Assert.Throws<ArgumentException>(() => CallRecording.Start(_directory, "../escape", "c", "a", time));
    }
}
