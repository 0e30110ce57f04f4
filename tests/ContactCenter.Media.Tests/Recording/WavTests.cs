using System.Buffers.Binary;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Recording;

namespace ContactCenter.Media.Tests.Recording;

public sealed class WavTests
{
    private static short[] Ramp(int count) => Enumerable.Range(0, count).Select(i => (short)((i * 37) - 9000)).ToArray();

    private static MemoryStream Wav(WavFormat format, byte[] data, byte[]? extraChunk = null)
    {
        var stream = new MemoryStream();
        var header = new byte[WavHeader.CanonicalLength];
        WavHeader.Write(header, format, (uint)data.Length);
        if (extraChunk is null)
        {
            stream.Write(header);
        }
        else
        {
            // RIFF + fmt, then the extra chunk, then data.
            stream.Write(header.AsSpan(0, 36));
            stream.Write(extraChunk);
            stream.Write(header.AsSpan(36));
        }
        stream.Write(data);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void Reads_pcm_prompts()
    {
        var samples = Ramp(800);
        var data = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(i * 2), samples[i]);
        }
        Assert.Equal(samples, WavReader.ReadMono8k(Wav(WavFormat.PcmMono8k, data)));
    }

    [Theory]
    [InlineData(WavEncoding.MuLaw)]
    [InlineData(WavEncoding.ALaw)]
    public void Reads_g711_prompts_by_format_tag(WavEncoding encoding)
    {
        var samples = Ramp(400);
        var data = new byte[samples.Length];
        var codec = encoding == WavEncoding.MuLaw ? G711Codec.MuLaw : G711Codec.ALaw;
        G711.Encode(codec, samples, data);
        var expected = new short[samples.Length];
        G711.Decode(codec, data, expected);

        var read = WavReader.ReadMono8k(Wav(new WavFormat(encoding, 1, 8000, 8), data));

        Assert.Equal(expected, read);
    }

    [Fact]
    public void Skips_unknown_chunks_with_odd_sizes()
    {
        // A LIST chunk of 3 octets plus its pad octet.
        byte[] list = [.. "LIST"u8, 3, 0, 0, 0, 1, 2, 3, 0];
        var header = WavHeader.Read(Wav(WavFormat.PcmMono8k, new byte[320], list));
        Assert.Equal(WavHeader.CanonicalLength + list.Length, header.DataOffset);
        Assert.Equal(320, header.DataLength);
        Assert.Equal(TimeSpan.FromMilliseconds(20), header.Duration);
    }

    [Fact]
    public void Rejects_what_is_not_an_8k_mono_prompt()
    {
        Assert.Contains("RIFF", Assert.Throws<InvalidDataException>(() => WavReader.ReadMono8k(new MemoryStream(new byte[44]))).Message, StringComparison.Ordinal);
        Assert.Contains("mono", Assert.Throws<InvalidDataException>(() => WavReader.ReadMono8k(Wav(WavFormat.PcmStereo8k, new byte[64]))).Message, StringComparison.Ordinal);
        Assert.Contains("8 kHz", Assert.Throws<InvalidDataException>(() => WavReader.ReadMono8k(Wav(new WavFormat(WavEncoding.Pcm, 1, 16000, 16), new byte[64]))).Message, StringComparison.Ordinal);
        Assert.Contains("format tag 3", Assert.Throws<InvalidDataException>(() => WavReader.ReadMono8k(Wav(new WavFormat((WavEncoding)3, 1, 8000, 32), new byte[64]))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpatched_streamed_file_is_read_up_to_its_end()
    {
        var stream = Wav(WavFormat.PcmMono8k, new byte[160]);
        stream.Position = 40;
        stream.Write(new byte[4]);
        stream.Position = 0;
        Assert.Equal(160, WavHeader.Read(stream).DataLength);
    }

    [Fact]
    public void Stereo_writer_interleaves_and_patches_sizes()
    {
        var stream = new MemoryStream();
        var writer = new StereoWavWriter(stream, ownsStream: false);
        var left = Ramp(160);
        var right = left.Select(s => (short)-s).ToArray();
        for (var frame = 0; frame < 50; frame++)
        {
            writer.Write(left, right);
        }
        writer.WriteSilence(8000);
        writer.Complete();

        stream.Position = 0;
        var header = WavHeader.Read(stream);
        Assert.Equal(WavFormat.PcmStereo8k, header.Format);
        Assert.Equal(TimeSpan.FromSeconds(2), header.Duration);
        Assert.Equal(stream.Length - 44, header.DataLength);
        Assert.Equal(stream.Length - 8, BinaryPrimitives.ReadUInt32LittleEndian(stream.GetBuffer().AsSpan(4)));
        var bytes = stream.GetBuffer().AsSpan(44);
        Assert.Equal(left[5], BinaryPrimitives.ReadInt16LittleEndian(bytes[20..]));
        Assert.Equal(right[5], BinaryPrimitives.ReadInt16LittleEndian(bytes[22..]));
        Assert.Equal(0, BinaryPrimitives.ReadInt16LittleEndian(bytes[(160 * 50 * 4)..]));
        Assert.Throws<InvalidOperationException>(() => writer.Write(left, right));
        Assert.Throws<ArgumentException>(() => new StereoWavWriter(stream, ownsStream: false).Write(left, right[..10]));
    }

    [Fact]
    public void Stereo_writer_blocks_keep_every_sample_in_order_across_block_ends()
    {
        // 173-sample frames and odd silences do not line up with the 32 KiB blocks the writer fills.
        var stream = new MemoryStream();
        var writer = new StereoWavWriter(stream, ownsStream: false);
        var expected = new MemoryStream();
        var random = new Random(6);
        var pair = new byte[4];
        for (var frame = 0; frame < 120; frame++)
        {
            var left = Enumerable.Range(0, 173).Select(_ => (short)random.Next(short.MinValue, short.MaxValue)).ToArray();
            var right = Enumerable.Range(0, 173).Select(_ => (short)random.Next(short.MinValue, short.MaxValue)).ToArray();
            writer.Write(left, right);
            for (var i = 0; i < left.Length; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(pair, left[i]);
                BinaryPrimitives.WriteInt16LittleEndian(pair.AsSpan(2), right[i]);
                expected.Write(pair);
            }
            if (frame % 40 == 39)
            {
                writer.WriteSilence(9001);
                expected.Write(new byte[9001 * 4]);
            }
        }
        Assert.Equal(expected.Length / 4, writer.SamplesWritten);
        writer.Complete();

        stream.Position = 0;
        var header = WavHeader.Read(stream);
        Assert.Equal(expected.Length, header.DataLength);
        Assert.Equal(expected.ToArray(), stream.ToArray().AsSpan(WavHeader.CanonicalLength).ToArray());
    }
}
