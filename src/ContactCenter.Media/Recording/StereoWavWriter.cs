using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ContactCenter.Media.Recording;

/// <summary>Streams a two-channel 16-bit PCM WAV file as audio arrives: a header with zero sizes first, interleaved
/// frames appended as they come (never the whole call in memory), and the RIFF and data sizes patched by
/// <see cref="Complete"/>. Left is the first channel, right the second.</summary>
/// <remarks>The stream must be seekable for the final patch. Frames are written to it in blocks of 32 KiB (about a
/// second), so a stream of its own needs no buffer. Not thread-safe: frames come from one media loop.</remarks>
public sealed class StereoWavWriter : IDisposable
{
    // 16-bit stereo: the data chunk size field caps a file at 2^32 - 1 - 36 octets (about 37 hours at 8 kHz).
    private const long MaxDataLength = uint.MaxValue - 36;

    // Frames are gathered into blocks of this size (about a second at 8 kHz) and written a block at a time: one write
    // per second of call instead of one copy per 20 ms frame into the stream's own buffer. A multiple of 4 (a sample
    // pair) so that a frame never straddles the end of a block mid-pair.
    private const int BlockLength = 32 * 1024;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly WavFormat _format;
    private readonly byte[] _block = new byte[BlockLength];
    private int _blockLength;
    private long _dataLength;
    private bool _completed;

    /// <summary>Starts a file on <paramref name="stream"/> at its current position.</summary>
    /// <param name="stream">Seekable, writable stream.</param>
    /// <param name="sampleRate">Samples per second per channel; default 8,000.</param>
    /// <param name="ownsStream">Whether <see cref="Dispose"/> disposes the stream.</param>
    public StereoWavWriter(Stream stream, int sampleRate = 8000, bool ownsStream = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanWrite)
        {
            throw new ArgumentException("A streamed WAV file needs a writable, seekable stream to patch its sizes.", nameof(stream));
        }
        _stream = stream;
        _ownsStream = ownsStream;
        _format = new WavFormat(WavEncoding.Pcm, 2, sampleRate, 16);
        Span<byte> header = stackalloc byte[WavHeader.CanonicalLength];
        WavHeader.Write(header, _format, 0);
        _stream.Write(header);
    }

    /// <summary>Sample frames (per channel) written.</summary>
    public long SamplesWritten => _dataLength / _format.BlockAlign;

    /// <summary>Audio written so far.</summary>
    public TimeSpan Duration => TimeSpan.FromTicks(SamplesWritten * TimeSpan.TicksPerSecond / _format.SampleRate);

    /// <summary>Appends one frame: <paramref name="left"/> and <paramref name="right"/> have the same length.</summary>
    /// <exception cref="ArgumentException">The channels differ in length.</exception>
    /// <exception cref="InvalidOperationException">Completed, or the file would exceed the WAV size limit.</exception>
    public void Write(ReadOnlySpan<short> left, ReadOnlySpan<short> right)
    {
        if (left.Length != right.Length)
        {
            throw new ArgumentException("Both channels of a frame must have the same number of samples.", nameof(right));
        }
        Reserve(left.Length * 4);
        while (!left.IsEmpty)
        {
            var samples = Math.Min(left.Length, (_block.Length - _blockLength) / 4);
            Interleave(left[..samples], right[..samples], _block.AsSpan(_blockLength, samples * 4));
            _blockLength += samples * 4;
            _dataLength += samples * 4;
            left = left[samples..];
            right = right[samples..];
            FlushBlockIfFull();
        }
    }

    /// <summary>Appends <paramref name="samples"/> frames of silence on both channels.</summary>
    public void WriteSilence(int samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        var bytes = (long)samples * 4;
        Reserve(bytes);
        while (bytes > 0)
        {
            var chunk = (int)Math.Min(bytes, _block.Length - _blockLength);
            _block.AsSpan(_blockLength, chunk).Clear();
            _blockLength += chunk;
            _dataLength += chunk;
            bytes -= chunk;
            FlushBlockIfFull();
        }
    }

    /// <summary>Patches the RIFF and data sizes and flushes; later writes throw. Idempotent.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }
        _completed = true;
        FlushBlock();
        var end = _stream.Position;
        var start = end - WavHeader.CanonicalLength - _dataLength;
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)(36 + _dataLength));
        _stream.Position = start + 4;
        _stream.Write(size);
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)_dataLength);
        _stream.Position = start + 40;
        _stream.Write(size);
        _stream.Position = end;
        _stream.Flush();
    }

    /// <summary>Completes the file (so a crash-free shutdown never leaves a file with zero sizes) and releases the
    /// stream if owned.</summary>
    public void Dispose()
    {
        Complete();
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    /// <summary>Interleaves 16-bit little-endian sample pairs, left first.</summary>
    private static void Interleave(ReadOnlySpan<short> left, ReadOnlySpan<short> right, Span<byte> destination)
    {
        if (BitConverter.IsLittleEndian)
        {
            // One 32-bit store per sample pair instead of two 16-bit ones.
            var pairs = MemoryMarshal.Cast<byte, uint>(destination);
            for (var i = 0; i < left.Length; i++)
            {
                pairs[i] = (ushort)left[i] | ((uint)(ushort)right[i] << 16);
            }
            return;
        }
        for (var i = 0; i < left.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(destination[(i * 4)..], left[i]);
            BinaryPrimitives.WriteInt16LittleEndian(destination[((i * 4) + 2)..], right[i]);
        }
    }

    private void FlushBlockIfFull()
    {
        if (_blockLength == _block.Length)
        {
            FlushBlock();
        }
    }

    private void FlushBlock()
    {
        if (_blockLength > 0)
        {
            _stream.Write(_block, 0, _blockLength);
            _blockLength = 0;
        }
    }

    private void Reserve(long bytes)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The WAV file is already completed.");
        }
        if (_dataLength + bytes > MaxDataLength)
        {
            throw new InvalidOperationException("The recording has reached the 4 GiB limit of a WAV file.");
        }
    }
}
