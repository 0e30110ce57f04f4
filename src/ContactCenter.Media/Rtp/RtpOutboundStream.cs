namespace ContactCenter.Media.Rtp;

/// <summary>Header numbering of one outgoing RTP stream, whatever feeds it (prompt, relay of the other leg, mixer):
/// sequence numbers step by exactly one per packet and timestamps by the samples sent, so the far end sees a single
/// continuous stream across source switches (RFC 3550 §5.1).</summary>
/// <remarks>
/// When sending pauses for longer than two packets (between a prompt and the relay, say), the timestamp jumps by the
/// elapsed time so that timestamps keep tracking the sampling clock, and the marker bit flags the new talk spurt
/// (RFC 3551 §4.1). Sequence numbers never jump: a gap in them would read as loss.
/// Relayed packets (<see cref="NextRelayed"/>) keep the source's timing: at each switch to a source the stream fixes an
/// offset between the source's timestamps and its own and maps every packet through it, so the far end's jitter buffer
/// sees the source's spacing (a lost packet as a timestamp gap) rather than the relay's arrival jitter. Sequence numbers
/// stay our own, one per packet sent, because packets filtered out here (telephone events the engine consumed) would
/// otherwise read as loss. Not thread-safe.
/// </remarks>
public sealed class RtpOutboundStream
{
    private readonly int _clockRate;
    private ushort _nextSequence;
    private uint _nextTimestamp;
    private TimeSpan _lastSent;
    private uint _lastTimestamp;
    private int _lastSamples;
    private bool _started;
    private bool _relaying;
    private uint _relaySsrc;
    private uint _relayTimestampOffset;

    /// <summary>Creates a stream; random initial sequence and timestamp are recommended (§5.1), so pass them in.</summary>
    public RtpOutboundStream(uint ssrc, byte payloadType, int clockRate, ushort initialSequence, uint initialTimestamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        Ssrc = ssrc;
        PayloadType = payloadType;
        _clockRate = clockRate;
        _nextSequence = initialSequence;
        _nextTimestamp = initialTimestamp;
    }

    /// <summary>The stream's synchronisation source.</summary>
    public uint Ssrc { get; }

    /// <summary>Payload type of audio packets.</summary>
    public byte PayloadType { get; }

    /// <summary>Packets sent (for the SR sender info).</summary>
    public uint PacketCount { get; private set; }

    /// <summary>Payload octets sent (for the SR sender info).</summary>
    public uint OctetCount { get; private set; }

    /// <summary>The timestamp the next packet will carry if sent without a pause.</summary>
    public uint NextTimestamp => _nextTimestamp;

    /// <summary>Numbers the next audio packet.</summary>
    /// <param name="samples">Samples in the payload (160 for 20 ms G.711).</param>
    /// <param name="payloadLength">Payload octets, for the octet count.</param>
    /// <param name="now">Monotonic send time.</param>
    /// <param name="marker">Force the marker bit (e.g. on a source switch the caller wants flagged).</param>
    public RtpHeader Next(int samples, int payloadLength, TimeSpan now, bool marker = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        _relaying = false;
        if (!_started)
        {
            _started = true;
            marker = true;
        }
        else
        {
            var elapsed = (now - _lastSent).Ticks * _clockRate / TimeSpan.TicksPerSecond;
            var packet = _lastSamples;
            if (elapsed > 2L * packet)
            {
                // Resume after silence: the timestamp advances with real time since the last packet.
                _nextTimestamp = _lastTimestamp + (uint)elapsed;
                marker = true;
            }
        }
        var header = new RtpHeader(PayloadType, _nextSequence, _nextTimestamp, Ssrc, marker);
        _lastTimestamp = _nextTimestamp;
        _lastSamples = samples;
        _lastSent = now;
        _nextSequence++;
        _nextTimestamp += (uint)samples;
        PacketCount++;
        OctetCount += (uint)payloadLength;
        return header;
    }

    /// <summary>Numbers a packet relayed from another stream (<paramref name="source"/> is its header as received).</summary>
    /// <param name="source">The received header; its SSRC identifies the source.</param>
    /// <param name="samples">Samples in the payload.</param>
    /// <param name="payloadLength">Payload octets, for the octet count.</param>
    /// <param name="now">Monotonic send time, used only at a switch.</param>
    public RtpHeader NextRelayed(in RtpHeader source, int samples, int payloadLength, TimeSpan now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        var marker = source.Marker;
        if (!_relaying || source.Ssrc != _relaySsrc)
        {
            // A switch: where would our own next packet go? Continue from there.
            var expected = _nextTimestamp;
            if (_started)
            {
                var elapsed = (now - _lastSent).Ticks * _clockRate / TimeSpan.TicksPerSecond;
                if (elapsed > 2L * _lastSamples)
                {
                    expected = _lastTimestamp + (uint)elapsed;
                }
            }
            _relayTimestampOffset = expected - source.Timestamp;
            _relaySsrc = source.Ssrc;
            _relaying = true;
            _started = true;
            marker = true;
        }
        var sequence = _nextSequence++;
        var timestamp = source.Timestamp + _relayTimestampOffset;
        // A late (reordered) packet keeps its mapped timestamp without moving the stream's clock back.
        if ((int)(timestamp - _lastTimestamp) >= 0)
        {
            _nextTimestamp = timestamp + (uint)samples;
            _lastTimestamp = timestamp;
            _lastSamples = samples;
        }
        _lastSent = now;
        PacketCount++;
        OctetCount += (uint)payloadLength;
        return new RtpHeader(PayloadType, sequence, timestamp, Ssrc, marker);
    }

    /// <summary>Numbers a packet that carries its own timestamp (an RFC 4733 event keeps its start timestamp in every
    /// packet) with the next sequence number.</summary>
    public RtpHeader NextWithTimestamp(byte payloadType, uint timestamp, bool marker, int payloadLength)
    {
        var header = new RtpHeader(payloadType, _nextSequence, timestamp, Ssrc, marker);
        _nextSequence++;
        PacketCount++;
        OctetCount += (uint)payloadLength;
        return header;
    }
}
