namespace ContactCenter.Media.Jitter;

/// <summary>Result of <see cref="JitterBuffer.Pop"/>.</summary>
/// <param name="Status">Frame, lost, underrun or buffering.</param>
/// <param name="SequenceNumber">Sequence number played (or concealed, for <see cref="JitterFrameStatus.Lost"/>).</param>
/// <param name="Timestamp">RTP timestamp of the packet played; for a lost packet, the one it would have had.</param>
/// <param name="Length">Payload octets copied to the destination (0 unless <see cref="JitterFrameStatus.Frame"/>).</param>
public readonly record struct JitterFrame(JitterFrameStatus Status, ushort SequenceNumber, uint Timestamp, int Length);
