using System.Buffers.Binary;

namespace ContactCenter.Media.Recording;

/// <summary>Reads and writes the RIFF/WAVE structure (Microsoft RIFF specification: a "RIFF" chunk of form "WAVE"
/// holding a "fmt " chunk and a "data" chunk; chunks are word-aligned).</summary>
/// <param name="Format">The fmt chunk.</param>
/// <param name="DataOffset">Offset of the first sample octet in the file.</param>
/// <param name="DataLength">Octets of sample data.</param>
public readonly record struct WavHeader(WavFormat Format, long DataOffset, long DataLength)
{
    /// <summary>Size of the canonical header <see cref="Write"/> produces.</summary>
    public const int CanonicalLength = 44;

    private const ushort ExtensibleTag = 0xFFFE;

    /// <summary>Duration of the sample data.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)(DataLength / Format.BlockAlign) / Format.SampleRate);

    /// <summary>Writes the canonical 44-byte header for <paramref name="dataLength"/> octets of samples.</summary>
    public static void Write(Span<byte> destination, WavFormat format, uint dataLength)
    {
        "RIFF"u8.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], 36 + dataLength);
        "WAVEfmt "u8.CopyTo(destination[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[20..], (ushort)format.Encoding);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[22..], (ushort)format.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[24..], (uint)format.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[28..], (uint)format.ByteRate);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[32..], (ushort)format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[34..], (ushort)format.BitsPerSample);
        "data"u8.CopyTo(destination[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[40..], dataLength);
    }

    /// <summary>Reads the header of a WAV stream, skipping chunks other than fmt and data (LIST, fact, ...). The stream
    /// is left positioned at the first sample octet.</summary>
    /// <exception cref="InvalidDataException">Not a RIFF/WAVE stream, or no fmt or data chunk.</exception>
    public static WavHeader Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> chunk = stackalloc byte[12];
        stream.ReadExactly(chunk);
        if (!chunk[..4].SequenceEqual("RIFF"u8) || !chunk[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("Not a WAV file: the RIFF/WAVE signature is missing.");
        }
        WavFormat? format = null;
        var position = 12L;
        Span<byte> fmt = stackalloc byte[40];
        while (true)
        {
            if (stream.Read(chunk[..8]) < 8)
            {
                throw new InvalidDataException(format is null ? "WAV file has no fmt chunk." : "WAV file has no data chunk.");
            }
            position += 8;
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                if (size < 16)
                {
                    throw new InvalidDataException($"WAV fmt chunk of {size} bytes is too short.");
                }
                var read = (int)Math.Min(size, (uint)fmt.Length);
                stream.ReadExactly(fmt[..read]);
                format = ParseFormat(fmt[..read]);
                Skip(stream, size - (uint)read + (size & 1));
                position += size + (size & 1);
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                if (format is null)
                {
                    throw new InvalidDataException("WAV data chunk comes before the fmt chunk.");
                }
                var length = (long)size;
                // A recorder that died before patching leaves 0 or 0xFFFFFFFF; take what is there.
                if (stream.CanSeek && (length == 0 || length > stream.Length - position))
                {
                    length = stream.Length - position;
                }
                return new WavHeader(format.Value, position, length);
            }
            else
            {
                Skip(stream, size + (size & 1));
                position += size + (size & 1);
            }
        }
    }

    private static WavFormat ParseFormat(ReadOnlySpan<byte> fmt)
    {
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        if (tag == ExtensibleTag && fmt.Length >= 26)
        {
            // WAVE_FORMAT_EXTENSIBLE: the real format code is the first two octets of the sub-format GUID.
            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }
        var format = new WavFormat(
            (WavEncoding)tag,
            BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]),
            (int)BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]),
            BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]));
        if (format.Encoding is not (WavEncoding.Pcm or WavEncoding.ALaw or WavEncoding.MuLaw))
        {
            throw new InvalidDataException($"WAV format tag {tag} is not supported (PCM 1, A-law 6, μ-law 7).");
        }
        if (format.Channels <= 0 || format.SampleRate <= 0 || format.BitsPerSample <= 0)
        {
            throw new InvalidDataException("WAV fmt chunk has zero channels, rate or sample size.");
        }
        return format;
    }

    private static void Skip(Stream stream, long count)
    {
        if (count == 0)
        {
            return;
        }
        if (stream.CanSeek)
        {
            stream.Seek(count, SeekOrigin.Current);
            return;
        }
        Span<byte> sink = stackalloc byte[256];
        while (count > 0)
        {
            var read = stream.Read(sink[..(int)Math.Min(count, sink.Length)]);
            if (read == 0)
            {
                throw new InvalidDataException("WAV file ends inside a chunk.");
            }
            count -= read;
        }
    }
}
