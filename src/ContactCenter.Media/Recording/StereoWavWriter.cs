using System.Buffers;
using System.Buffers.Binary;

namespace ContactCenter.Media.Recording;

/// <summary>Streams a two-channel 16-bit PCM WAV file as audio arrives: a header with zero sizes first, interleaved
/// frames appended as they come (never the whole call in memory), and the RIFF and data sizes patched by
/// <see cref="Complete"/>. Left is the first channel, right the second.</summary>
/// <remarks>The stream must be seekable for the final patch. Not thread-safe: frames come from one media loop.</remarks>
public sealed class StereoWavWriter : IDisposable
{
    // 16-bit stereo: the data chunk size field caps a file at 2^32 - 1 - 36 octets (about 37 hours at 8 kHz).
    private const long MaxDataLength = uint.MaxValue - 36;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly WavFormat _format;
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
        var bytes = left.Length * 4;
        Reserve(bytes);
        var buffer = ArrayPool<byte>.Shared.Rent(bytes);
        try
        {
            var span = buffer.AsSpan(0, bytes);
            for (var i = 0; i < left.Length; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(span[(i * 4)..], left[i]);
                BinaryPrimitives.WriteInt16LittleEndian(span[((i * 4) + 2)..], right[i]);
            }
            _stream.Write(span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        _dataLength += bytes;
    }

    /// <summary>Appends <paramref name="samples"/> frames of silence on both channels.</summary>
    public void WriteSilence(int samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        var bytes = samples * 4;
        Reserve(bytes);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(bytes, 64 * 1024));
        try
        {
            Array.Clear(buffer);
            for (var left = bytes; left > 0; left -= buffer.Length)
            {
                _stream.Write(buffer, 0, Math.Min(left, buffer.Length));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        _dataLength += bytes;
    }

    /// <summary>Patches the RIFF and data sizes and flushes; later writes throw. Idempotent.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }
        _completed = true;
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

    private void Reserve(int bytes)
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
