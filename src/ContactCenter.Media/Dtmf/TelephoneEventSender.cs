namespace ContactCenter.Media.Dtmf;

/// <summary>Produces the packet sequence of one RFC 4733 event, one packet per call to <see cref="TryNextPacket"/>
/// (the caller calls it once per packet interval): a first packet with the marker bit, updates with growing duration,
/// then the final packet sent three times with the E bit (§2.5.1.4, redundancy against loss of the end).</summary>
/// <remarks>Events longer than 0xFFFF timestamp units (8.2 s at 8 kHz) are split into segments (§2.5.1.3): the
/// segment that fills the duration field ends with duration 0xFFFF, and the next segment starts at the previous
/// timestamp plus 0xFFFF, without marker.</remarks>
public sealed class TelephoneEventSender
{
    /// <summary>Number of times the final packet is sent (§2.5.1.4 recommends three).</summary>
    public const int EndRepeats = 3;

    private readonly int _packetDuration;
    private readonly byte _volume;
    private byte _event;
    private uint _timestamp;
    private int _totalDuration;
    private int _elapsed;
    private int _segmentStart;
    private int _endsSent;
    private bool _first;

    /// <summary>Creates a sender.</summary>
    /// <param name="packetDuration">Timestamp units between packets; 160 (20 ms at 8 kHz) matches the audio
    /// packetisation.</param>
    /// <param name="volume">Power level in -dBm0 written in every packet; 10 is a typical DTMF level.</param>
    public TelephoneEventSender(int packetDuration = 160, byte volume = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(packetDuration);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(volume, (byte)63);
        _packetDuration = packetDuration;
        _volume = volume;
    }

    /// <summary>Whether packets remain for the current event.</summary>
    public bool IsActive { get; private set; }

    /// <summary>Starts an event at RTP <paramref name="timestamp"/> lasting <paramref name="duration"/> timestamp
    /// units; any event in progress is abandoned.</summary>
    public void Start(byte eventCode, uint timestamp, int duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(duration);
        _event = eventCode;
        _timestamp = timestamp;
        _totalDuration = duration;
        _elapsed = 0;
        _segmentStart = 0;
        _endsSent = 0;
        _first = true;
        IsActive = true;
    }

    /// <summary>The next packet of the event, or false when it is complete.</summary>
    public bool TryNextPacket(out TelephoneEventPacket packet)
    {
        if (!IsActive)
        {
            packet = default;
            return false;
        }
        var marker = _first;
        _first = false;
        if (_elapsed < _totalDuration)
        {
            _elapsed = Math.Min(_elapsed + _packetDuration, _totalDuration);
            if (_elapsed - _segmentStart > ushort.MaxValue)
            {
                // Close the full segment; the time beyond it is reported by the next segment's packets.
                packet = Packet(marker, ushort.MaxValue, end: false);
                _segmentStart += ushort.MaxValue;
                return true;
            }
            if (_elapsed < _totalDuration)
            {
                packet = Packet(marker, _elapsed - _segmentStart, end: false);
                return true;
            }
        }
        packet = Packet(marker, _elapsed - _segmentStart, end: true);
        if (++_endsSent == EndRepeats)
        {
            IsActive = false;
        }
        return true;
    }

    private TelephoneEventPacket Packet(bool marker, int duration, bool end) =>
        new(marker, unchecked(_timestamp + (uint)_segmentStart), new TelephoneEventPayload(_event, end, _volume, (ushort)duration));
}
