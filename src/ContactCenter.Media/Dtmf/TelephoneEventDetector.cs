namespace ContactCenter.Media.Dtmf;

/// <summary>Turns a stream of RFC 4733 telephone-event packets into digits, each reported exactly once, as soon as any
/// packet of the event arrives.</summary>
/// <remarks>
/// An event is keyed by its RTP timestamp, which every packet of the event carries (§2.3.1), so the detector needs
/// neither the marker packet nor the end packets: whichever packet arrives first reveals the digit, and later, repeated
/// or reordered packets with a key already seen are absorbed. A long press is sent as segments whose timestamps step by
/// 0xFFFF (§2.5.1.3); a packet of the same event, without marker, whose timestamp is a whole number of segments after
/// the current unfinished event continues it rather than starting a new digit. Non-DTMF events (above 15) are ignored.
/// Not thread-safe: one instance per receive stream.
/// </remarks>
public sealed class TelephoneEventDetector
{
    // Keys of recent events and segments. Reordering beyond this many events is far outside RFC 4733 timing.
    private const int HistorySize = 16;
    private const int MaxSegmentSteps = 8;

    private readonly uint[] _historyTimestamps = new uint[HistorySize];
    private readonly byte[] _historyEvents = new byte[HistorySize];
    private int _historyCount;
    private int _historyNext;
    private bool _hasCurrent;
    private byte _currentEvent;
    private uint _currentSegment;
    private bool _currentEnded;

    /// <summary>Feeds one telephone-event packet (already identified by its payload type).</summary>
    /// <param name="marker">The RTP marker bit.</param>
    /// <param name="timestamp">The RTP timestamp.</param>
    /// <param name="payload">The RTP payload.</param>
    /// <param name="detection">The new digit, when this packet is the first seen of its event.</param>
    /// <returns>Whether a new digit was detected.</returns>
    public bool TryDetect(bool marker, uint timestamp, ReadOnlySpan<byte> payload, out DtmfDetection detection)
    {
        detection = default;
        if (!TelephoneEventPayload.TryParse(payload, out var evt) || evt.Event > DtmfEvent.MaxCode)
        {
            return false;
        }
        if (IsKnown(timestamp, evt.Event))
        {
            if (evt.End && _hasCurrent && timestamp == _currentSegment && evt.Event == _currentEvent)
            {
                _currentEnded = true;
            }
            return false;
        }
        if (!marker && IsContinuation(timestamp, evt.Event))
        {
            Remember(timestamp, evt.Event);
            _currentSegment = timestamp;
            _currentEnded = evt.End;
            return false;
        }
        Remember(timestamp, evt.Event);
        // A late packet of an older event must not displace the event in progress.
        if (!_hasCurrent || (int)(timestamp - _currentSegment) > 0)
        {
            _hasCurrent = true;
            _currentEvent = evt.Event;
            _currentSegment = timestamp;
            _currentEnded = evt.End;
        }
        detection = new DtmfDetection(DtmfEvent.ToChar(evt.Event), timestamp, evt.Volume);
        return true;
    }

    private bool IsContinuation(uint timestamp, byte eventCode)
    {
        if (!_hasCurrent || _currentEnded || eventCode != _currentEvent)
        {
            return false;
        }
        var step = timestamp - _currentSegment;
        return step != 0 && step % ushort.MaxValue == 0 && step / ushort.MaxValue <= MaxSegmentSteps;
    }

    private bool IsKnown(uint timestamp, byte eventCode)
    {
        for (var i = 0; i < _historyCount; i++)
        {
            if (_historyTimestamps[i] == timestamp && _historyEvents[i] == eventCode)
            {
                return true;
            }
        }
        return false;
    }

    private void Remember(uint timestamp, byte eventCode)
    {
        _historyTimestamps[_historyNext] = timestamp;
        _historyEvents[_historyNext] = eventCode;
        _historyNext = (_historyNext + 1) % HistorySize;
        _historyCount = Math.Min(_historyCount + 1, HistorySize);
    }
}
