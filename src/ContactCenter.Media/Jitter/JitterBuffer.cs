using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Jitter;

/// <summary>A bounded, adaptive jitter buffer for one RTP stream of fixed-duration packets. Pure logic: the caller
/// passes arrival times on <see cref="Push"/> and calls <see cref="Pop"/> once per frame interval with its clock.</summary>
/// <remarks>
/// <para>Packets are held in a ring of <see cref="JitterBufferOptions.Capacity"/> slots indexed by sequence number, so
/// the sequence numbers held always lie in a window [next, next + capacity) and reordering, duplicates and the 16-bit
/// wrap (serial-number comparison, <see cref="RtpSequence"/>) cost no search. Nothing is allocated after construction.</para>
/// <para>The target delay follows the interarrival jitter (RFC 3550 §6.4.1 estimator) times
/// <see cref="JitterBufferOptions.JitterMultiplier"/>, within [minimum, maximum]. Playout starts when the first packet
/// has waited the target delay. The delay grows by stalling: an empty buffer yields <see cref="JitterFrameStatus.Underrun"/>
/// without advancing. It shrinks when the buffer holds more than the target: a gap at the head is skipped instead of
/// concealed, and with more than two frames of excess one frame is dropped per interval.</para>
/// <para>Not thread-safe: one receive stream, one owner.</para>
/// </remarks>
public sealed class JitterBuffer
{
    private const int JitterWarmUpPackets = 16;

    private readonly JitterBufferOptions _options;
    private readonly int _capacity;
    private readonly int _maxPayload;
    private readonly uint _frameSamples;
    private readonly bool[] _used;
    private readonly ushort[] _sequences;
    private readonly uint[] _timestamps;
    private readonly int[] _lengths;
    private readonly byte[] _payloads;
    private int _count;
    private bool _hasPackets;
    private bool _started;
    private ushort _nextSequence;
    private ushort _highestSequence;
    private uint _nextTimestamp;
    private TimeSpan _startAt;
    private bool _haveLastArrival;
    private TimeSpan _lastArrival;
    private uint _lastTimestamp;
    private double _jitterSeconds;
    private int _jitterSamples;

    /// <summary>Creates a buffer; the options are validated and not read again.</summary>
    public JitterBuffer(JitterBufferOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _capacity = options.Capacity;
        _maxPayload = options.MaxPayloadSize;
        _frameSamples = (uint)(options.FrameDuration.Ticks * options.ClockRate / TimeSpan.TicksPerSecond);
        _used = new bool[_capacity];
        _sequences = new ushort[_capacity];
        _timestamps = new uint[_capacity];
        _lengths = new int[_capacity];
        _payloads = new byte[_capacity * _maxPayload];
        TargetDelay = options.InitialDelay;
    }

    /// <summary>Packets currently held (never more than the capacity).</summary>
    public int Count => _count;

    /// <summary>The current adaptive target delay.</summary>
    public TimeSpan TargetDelay { get; private set; }

    /// <summary>The interarrival jitter estimate.</summary>
    public TimeSpan Jitter => TimeSpan.FromSeconds(_jitterSeconds);

    /// <summary>Frames concealed because their packet was missing when due.</summary>
    public long LostFrames { get; private set; }

    /// <summary>Intervals with an empty buffer.</summary>
    public long Underruns { get; private set; }

    /// <summary>Missing packets skipped over to reduce the delay.</summary>
    public long SkippedFrames { get; private set; }

    /// <summary>Frames dropped to reduce the delay.</summary>
    public long DroppedFrames { get; private set; }

    /// <summary>Packets discarded because the window overflowed.</summary>
    public long OverflowDiscards { get; private set; }

    /// <summary>Adds a received packet.</summary>
    /// <param name="sequence">RTP sequence number.</param>
    /// <param name="timestamp">RTP timestamp.</param>
    /// <param name="payload">Payload, copied into the buffer.</param>
    /// <param name="arrival">Arrival time on the caller's monotonic clock (the one passed to <see cref="Pop"/>).</param>
    public JitterPushResult Push(ushort sequence, uint timestamp, ReadOnlySpan<byte> payload, TimeSpan arrival)
    {
        if (payload.Length > _maxPayload)
        {
            return JitterPushResult.TooLarge;
        }
        if (!_hasPackets)
        {
            Begin(sequence, timestamp, arrival);
            Store(sequence, timestamp, payload);
            return JitterPushResult.Accepted;
        }
        var distance = RtpSequence.Distance(_nextSequence, sequence);
        if (Math.Abs(distance) >= _options.ResyncThreshold)
        {
            Clear();
            Begin(sequence, timestamp, arrival);
            Store(sequence, timestamp, payload);
            return JitterPushResult.Resynchronised;
        }
        UpdateJitter(timestamp, arrival);
        if (distance < 0)
        {
            // Before playout starts, an earlier packet may still extend the window backwards.
            if (_started || RtpSequence.Distance(sequence, _highestSequence) >= _capacity)
            {
                return JitterPushResult.TooLate;
            }
            _nextSequence = sequence;
            _nextTimestamp -= (uint)-distance * _frameSamples;
            distance = 0;
        }
        var slot = sequence % _capacity;
        if (_used[slot] && _sequences[slot] == sequence)
        {
            return JitterPushResult.Duplicate;
        }
        var result = JitterPushResult.Accepted;
        if (distance >= _capacity)
        {
            Slide(distance - _capacity + 1);
            result = JitterPushResult.AcceptedWithOverflow;
        }
        Store(sequence, timestamp, payload);
        return result;
    }

    /// <summary>Takes the frame due in this interval. Call once per <see cref="JitterBufferOptions.FrameDuration"/>.</summary>
    /// <param name="now">The caller's clock, the same one as the arrival times.</param>
    /// <param name="destination">Receives the payload of a <see cref="JitterFrameStatus.Frame"/>; at least
    /// <see cref="JitterBufferOptions.MaxPayloadSize"/> octets.</param>
    /// <exception cref="ArgumentException">The destination is smaller than the maximum payload size.</exception>
    public JitterFrame Pop(TimeSpan now, Span<byte> destination)
    {
        if (destination.Length < _maxPayload)
        {
            throw new ArgumentException("Destination is smaller than MaxPayloadSize.", nameof(destination));
        }
        if (!_hasPackets || (!_started && now < _startAt))
        {
            return new JitterFrame(JitterFrameStatus.Buffering, _nextSequence, _nextTimestamp, 0);
        }
        _started = true;
        if (_count == 0)
        {
            Underruns++;
            return new JitterFrame(JitterFrameStatus.Underrun, _nextSequence, _nextTimestamp, 0);
        }
        var depth = RtpSequence.Distance(_nextSequence, _highestSequence) + 1;
        var targetFrames = TargetFrames;
        if (!IsStored(_nextSequence) && depth > targetFrames + 1)
        {
            SkipToNextStored();
        }
        else if (IsStored(_nextSequence) && depth > targetFrames + 2)
        {
            Remove(_nextSequence % _capacity);
            DroppedFrames++;
            Advance(1);
        }
        if (IsStored(_nextSequence))
        {
            var slot = _nextSequence % _capacity;
            var length = _lengths[slot];
            _payloads.AsSpan(slot * _maxPayload, length).CopyTo(destination);
            var frame = new JitterFrame(JitterFrameStatus.Frame, _nextSequence, _timestamps[slot], length);
            Remove(slot);
            _nextSequence++;
            _nextTimestamp = frame.Timestamp + _frameSamples;
            return frame;
        }
        LostFrames++;
        var lost = new JitterFrame(JitterFrameStatus.Lost, _nextSequence, _nextTimestamp, 0);
        Advance(1);
        return lost;
    }

    private int TargetFrames => Math.Max(1, (int)Math.Ceiling(TargetDelay / _options.FrameDuration));

    private void Begin(ushort sequence, uint timestamp, TimeSpan arrival)
    {
        _hasPackets = true;
        _started = false;
        _nextSequence = sequence;
        _highestSequence = sequence;
        _nextTimestamp = timestamp;
        _startAt = arrival + TargetDelay;
        _haveLastArrival = false;
        UpdateJitter(timestamp, arrival);
    }

    private void UpdateJitter(uint timestamp, TimeSpan arrival)
    {
        if (_haveLastArrival)
        {
            // RFC 3550 §6.4.1: D = (Rj - Ri) - (Sj - Si); J += (|D| - J) / 16, in seconds here.
            var sent = (int)(timestamp - _lastTimestamp) / (double)_options.ClockRate;
            var d = (arrival - _lastArrival).TotalSeconds - sent;
            _jitterSeconds += (Math.Abs(d) - _jitterSeconds) / 16;
            if (++_jitterSamples >= JitterWarmUpPackets)
            {
                var target = TimeSpan.FromSeconds(_jitterSeconds * _options.JitterMultiplier);
                TargetDelay = target < _options.MinimumDelay ? _options.MinimumDelay
                    : target > _options.MaximumDelay ? _options.MaximumDelay
                    : target;
            }
        }
        _haveLastArrival = true;
        _lastArrival = arrival;
        _lastTimestamp = timestamp;
    }

    private bool IsStored(ushort sequence)
    {
        var slot = sequence % _capacity;
        return _used[slot] && _sequences[slot] == sequence;
    }

    private void Store(ushort sequence, uint timestamp, ReadOnlySpan<byte> payload)
    {
        var slot = sequence % _capacity;
        _used[slot] = true;
        _sequences[slot] = sequence;
        _timestamps[slot] = timestamp;
        _lengths[slot] = payload.Length;
        payload.CopyTo(_payloads.AsSpan(slot * _maxPayload, _maxPayload));
        _count++;
        if (RtpSequence.IsNewer(sequence, _highestSequence))
        {
            _highestSequence = sequence;
        }
    }

    private void Remove(int slot)
    {
        _used[slot] = false;
        _count--;
    }

    private void Advance(int frames)
    {
        _nextSequence = (ushort)(_nextSequence + frames);
        _nextTimestamp += (uint)frames * _frameSamples;
    }

    private void Slide(int frames)
    {
        // Only the first `capacity` positions of the old window can hold packets.
        for (var i = 0; i < Math.Min(frames, _capacity); i++)
        {
            var slot = (ushort)(_nextSequence + i) % _capacity;
            if (_used[slot] && _sequences[slot] == (ushort)(_nextSequence + i))
            {
                Remove(slot);
                OverflowDiscards++;
            }
        }
        Advance(frames);
    }

    private void SkipToNextStored()
    {
        for (var k = 1; k < _capacity; k++)
        {
            if (IsStored((ushort)(_nextSequence + k)))
            {
                SkippedFrames += k;
                Advance(k);
                return;
            }
        }
    }

    private void Clear()
    {
        Array.Clear(_used);
        _count = 0;
        _hasPackets = false;
    }
}
