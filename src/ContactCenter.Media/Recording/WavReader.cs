using System.Buffers.Binary;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Recording;

/// <summary>Loads prompts: 8 kHz mono WAV in 16-bit PCM, μ-law or A-law, decoded to linear samples once so playout
/// only encodes for the leg's codec.</summary>
public static class WavReader
{
    /// <summary>Reads an 8 kHz mono prompt from <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidDataException">Not a WAV file, or not 8 kHz mono PCM16/G.711; the message says which.</exception>
    public static short[] ReadMono8k(Stream stream)
    {
        var header = WavHeader.Read(stream);
        var format = header.Format;
        if (format.Channels != 1 || format.SampleRate != 8000)
        {
            throw new InvalidDataException($"Prompt must be 8 kHz mono; this one is {format.SampleRate} Hz with {format.Channels} channels.");
        }
        var expectedBits = format.Encoding == WavEncoding.Pcm ? 16 : 8;
        if (format.BitsPerSample != expectedBits)
        {
            throw new InvalidDataException($"{format.Encoding} prompt must have {expectedBits} bits per sample, not {format.BitsPerSample}.");
        }
        var data = new byte[header.DataLength - (header.DataLength % format.BlockAlign)];
        stream.ReadExactly(data);
        var samples = new short[data.Length / format.BlockAlign];
        switch (format.Encoding)
        {
            case WavEncoding.Pcm:
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data.AsSpan(i * 2));
                }
                break;
            case WavEncoding.MuLaw:
                MuLaw.Decode(data, samples);
                break;
            default:
                ALaw.Decode(data, samples);
                break;
        }
        return samples;
    }

    /// <summary>Reads an 8 kHz mono prompt from a file.</summary>
    /// <exception cref="InvalidDataException">See <see cref="ReadMono8k(Stream)"/>; the message names the file.</exception>
    public static short[] ReadMono8k(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return ReadMono8k(stream);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }
}
