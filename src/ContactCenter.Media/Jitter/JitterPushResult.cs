namespace ContactCenter.Media.Jitter;

/// <summary>What <see cref="JitterBuffer.Push"/> did with a packet.</summary>
public enum JitterPushResult
{
    /// <summary>Stored for playout.</summary>
    Accepted,

    /// <summary>Stored, and older packets were discarded to stay within the capacity.</summary>
    AcceptedWithOverflow,

    /// <summary>The sequence number jumped by the resync threshold or more: the buffer was reset around this packet.</summary>
    Resynchronised,

    /// <summary>Dropped: a packet with this sequence number is already stored.</summary>
    Duplicate,

    /// <summary>Dropped: its playout time has passed.</summary>
    TooLate,

    /// <summary>Dropped: the payload exceeds <see cref="JitterBufferOptions.MaxPayloadSize"/>.</summary>
    TooLarge,
}
