using System.Buffers.Binary;
using ContactCenter.Media.Recording;

namespace ContactCenter.Interop.Tests.Audio;

/// <summary>Reads a two-channel 16-bit PCM WAV file (a call recording) into its left and right channels.</summary>
internal static class StereoWav
{
    /// <exception cref="InvalidDataException">Not a 16-bit PCM stereo WAV file.</exception>
    public static (short[] Left, short[] Right, int SampleRate) Read(string path)
    {
        using var stream = File.OpenRead(path);
        var header = WavHeader.Read(stream);
        if (header.Format is not { Encoding: WavEncoding.Pcm, Channels: 2, BitsPerSample: 16 })
        {
            throw new InvalidDataException($"{path}: not 16-bit PCM stereo but {header.Format}");
        }
        var data = new byte[header.DataLength - (header.DataLength % 4)];
        stream.ReadExactly(data);
        var left = new short[data.Length / 4];
        var right = new short[data.Length / 4];
        for (var i = 0; i < left.Length; i++)
        {
            left[i] = BinaryPrimitives.ReadInt16LittleEndian(data.AsSpan(i * 4));
            right[i] = BinaryPrimitives.ReadInt16LittleEndian(data.AsSpan((i * 4) + 2));
        }
        return (left, right, header.Format.SampleRate);
    }
}
