namespace ContactCenter.Media.Rtcp;

/// <summary>Per-source reception statistics for RTCP report blocks, following RFC 3550 Appendix A: sequence validation
/// with probation and wrap counting (§A.1), expected and lost packets (§A.3), interarrival jitter (§A.8).</summary>
/// <remarks>Not thread-safe: one instance belongs to the receive loop of one stream.</remarks>
public sealed class RtpReceiverStatistics
{
    // §A.1 constants: a jump of up to MaxDropout ahead is loss, up to MaxMisorder behind is reordering; anything else
    // is a restart that must be confirmed by the next packet following it; MinSequential packets in order end probation.
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const int MinSequential = 2;
    private const uint SequenceModulo = 1 << 16;

    private readonly int _clockRate;
    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private uint _badSequence;
    private int _probation;
    private bool _seen;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private bool _haveTransit;
    private long _lastTransit;
    private double _jitter;

    /// <summary>Creates statistics for a stream with the given RTP clock rate (8,000 for G.711).</summary>
    public RtpReceiverStatistics(int clockRate = 8000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        _clockRate = clockRate;
    }

    /// <summary>Packets accepted as part of the stream (duplicates included, as §A.3 counts them).</summary>
    public long Received => _received;

    /// <summary>The extended highest sequence number: wrap count in the upper 16 bits.</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSequence;

    /// <summary>Packets expected from the first accepted one up to the highest seen.</summary>
    public long Expected => _seen && _probation == 0 ? (long)ExtendedHighestSequence - _baseSequence + 1 : 0;

    /// <summary>Cumulative packets lost (expected minus received; negative with duplicates).</summary>
    public long CumulativeLost => Expected - _received;

    /// <summary>Current interarrival jitter estimate in timestamp units.</summary>
    public uint Jitter => (uint)_jitter;

    /// <summary>Records a packet. <paramref name="arrival"/> is the receive time on any monotonic clock (only
    /// differences matter).</summary>
    /// <returns>Whether the packet belongs to the validated stream; false during probation and for a jump not yet
    /// confirmed.</returns>
    public bool OnPacket(ushort sequence, uint rtpTimestamp, TimeSpan arrival)
    {
        if (!UpdateSequence(sequence))
        {
            return false;
        }
        // §A.8: transit times in timestamp units; their differences estimate the variation of network delay.
        var arrivalUnits = arrival.Ticks * _clockRate / TimeSpan.TicksPerSecond;
        var transit = arrivalUnits - rtpTimestamp;
        if (_haveTransit)
        {
            // Timestamps wrap at 32 bits; take the difference modulo 2^32 as a signed value.
            var d = Math.Abs((long)(int)(uint)(transit - _lastTransit));
            _jitter += (d - _jitter) / 16.0;
        }
        _lastTransit = transit;
        _haveTransit = true;
        return true;
    }

    /// <summary>Builds the report block for this source and starts a new reporting interval (the fraction lost is
    /// relative to the previous call).</summary>
    /// <param name="ssrc">The reported source.</param>
    /// <param name="lastSenderReport">LSR: middle 32 bits of the last SR's NTP time from this source, 0 if none.</param>
    /// <param name="delaySinceLastSenderReport">DLSR in 1/65536 s, 0 if no SR was received.</param>
    public RtcpReportBlock CreateReportBlock(uint ssrc, uint lastSenderReport = 0, uint delaySinceLastSenderReport = 0)
    {
        var expected = Expected;
        var expectedInterval = expected - _expectedPrior;
        var receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        var lostInterval = expectedInterval - receivedInterval;
        // §A.3: duplicates can make the interval loss negative; the fraction is then reported as zero.
        var fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (byte)((lostInterval << 8) / expectedInterval);
        var cumulative = (int)Math.Clamp(CumulativeLost, -0x800000, 0x7FFFFF);
        return new RtcpReportBlock(ssrc, (byte)fraction, cumulative, ExtendedHighestSequence, Jitter, lastSenderReport, delaySinceLastSenderReport);
    }

    private bool UpdateSequence(ushort sequence)
    {
        if (!_seen)
        {
            _seen = true;
            Restart(sequence);
            // The first packet only opens probation; it is not counted (§A.1).
            _maxSequence = (ushort)(sequence - 1);
            _probation = MinSequential;
        }
        var delta = (ushort)(sequence - _maxSequence);
        if (_probation > 0)
        {
            if (sequence == (ushort)(_maxSequence + 1))
            {
                _probation--;
                _maxSequence = sequence;
                if (_probation == 0)
                {
                    Restart(sequence);
                    _received++;
                    return true;
                }
            }
            else
            {
                _probation = MinSequential - 1;
                _maxSequence = sequence;
            }
            return false;
        }
        if (delta < MaxDropout)
        {
            if (sequence < _maxSequence)
            {
                _cycles += SequenceModulo;
            }
            _maxSequence = sequence;
        }
        else if (delta <= SequenceModulo - MaxMisorder)
        {
            // A big jump: a restarted sender, or a stray packet. Accept it only if the next one follows it.
            if (sequence != _badSequence)
            {
                _badSequence = (uint)((sequence + 1) & (SequenceModulo - 1));
                return false;
            }
            Restart(sequence);
        }
        _received++;
        return true;
    }

    private void Restart(ushort sequence)
    {
        _baseSequence = sequence;
        _maxSequence = sequence;
        _badSequence = SequenceModulo + 1;
        _cycles = 0;
        _received = 0;
        _receivedPrior = 0;
        _expectedPrior = 0;
        _haveTransit = false;
        _jitter = 0;
    }
}
