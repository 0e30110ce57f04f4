using System.Buffers.Binary;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Sessions;

namespace ContactCenter.Media.Recording;

/// <summary>Records what one leg receives (a caller's voicemail) into an 8 kHz mono 16-bit PCM WAV file: each audio
/// packet is decoded and appended as it arrives, up to a longest duration, and the RIFF and data sizes are patched by
/// <see cref="Complete"/>. Packets are written in arrival order without a jitter buffer: the file holds what was said,
/// not the wall-clock time the leg was open. Create it with <see cref="MediaEngine.RecordVoicemail"/>; while it records,
/// the leg cannot be bridged or mixed.</summary>
public sealed class VoicemailRecorder : IMediaSink, IDisposable
{
    private const int SampleRate = 8000;

    private readonly MediaLeg _leg;
    private readonly FileStream _stream;
    private readonly long _maxSamples;
    private readonly Lock _lock = new();
    private short[] _pcm = new short[160];
    private byte[] _bytes = new byte[320];
    private long _samples;
    private bool _completed;

    internal VoicemailRecorder(MediaLeg leg, string path, TimeSpan maxDuration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDuration.Ticks, nameof(maxDuration));
        _leg = leg;
        _maxSamples = (long)(maxDuration.TotalSeconds * SampleRate);
        Path = path;
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 16 * 1024);
        Span<byte> header = stackalloc byte[WavHeader.CanonicalLength];
        WavHeader.Write(header, WavFormat.PcmMono8k, 0);
        _stream.Write(header);
        try
        {
            leg.Attach(this);
        }
        catch
        {
            _stream.Dispose();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Full path of the WAV file.</summary>
    public string Path { get; }

    /// <summary>Audio recorded so far.</summary>
    public TimeSpan Duration
    {
        get
        {
            lock (_lock)
            {
                return TimeSpan.FromTicks(_samples * TimeSpan.TicksPerSecond / SampleRate);
            }
        }
    }

    /// <summary>Stops recording, detaches from the leg, patches the sizes and closes the file; returns the duration
    /// recorded. Idempotent.</summary>
    public TimeSpan Complete()
    {
        _leg.Detach(this);
        lock (_lock)
        {
            if (!_completed)
            {
                _completed = true;
                var dataLength = (uint)(_samples * 2);
                Span<byte> header = stackalloc byte[WavHeader.CanonicalLength];
                WavHeader.Write(header, WavFormat.PcmMono8k, dataLength);
                _stream.Position = 0;
                _stream.Write(header);
                _stream.Dispose();
            }
            return TimeSpan.FromTicks(_samples * TimeSpan.TicksPerSecond / SampleRate);
        }
    }

    /// <summary>Completes the file.</summary>
    public void Dispose() => Complete();

    void IMediaSink.OnAudio(MediaLeg leg, RtpPacket packet, TimeSpan arrival)
    {
        lock (_lock)
        {
            var count = (int)Math.Min(packet.Payload.Length, _maxSamples - _samples);
            if (_completed || count <= 0)
            {
                return;
            }
            if (_pcm.Length < count)
            {
                _pcm = new short[count];
                _bytes = new byte[count * 2];
            }
            G711.Decode(leg.Codec, packet.Payload[..count], _pcm);
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(_bytes.AsSpan(i * 2), _pcm[i]);
            }
            _stream.Write(_bytes, 0, count * 2);
            _samples += count;
        }
    }
}
