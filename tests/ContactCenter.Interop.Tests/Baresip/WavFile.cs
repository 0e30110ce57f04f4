namespace ContactCenter.Interop.Tests.Baresip;

/// <summary>Writes a PCM WAV (8 kHz, mono, 16-bit) with a quiet tone, for baresip's <c>aufile</c> audio source so
/// that no sound device is needed. aufile ends the call at the end of the file, so it must outlast the call.</summary>
internal static class WavFile
{
    /// <summary>The peak amplitude of the tone.</summary>
    public const short Amplitude = 2000;

    private const int SampleRate = 8000;

    /// <summary>Writes <paramref name="duration"/> of a <paramref name="frequency"/> Hz tone to <paramref name="path"/>.</summary>
    public static void WriteTone(string path, TimeSpan duration, double frequency = 440)
    {
        var samples = (int)(duration.TotalSeconds * SampleRate);
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + (samples * 2));
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(SampleRate);
        writer.Write(SampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (var i = 0; i < samples; i++)
        {
            writer.Write((short)(Amplitude * Math.Sin(2 * Math.PI * frequency * i / SampleRate)));
        }
    }
}
