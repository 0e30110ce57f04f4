namespace ContactCenter.Benchmarks.MediaLoad;

/// <summary>What one receive thread counted in the window. Per-stream state lives in arrays indexed by the server's
/// source port: a server leg latches to one generator socket, so each port is only ever touched by one thread.</summary>
public sealed class ReceiveTally
{
    public long Received { get; set; }

    public long OutOfOrder { get; set; }

    public long SequenceGaps { get; set; }

    public long Rtcp { get; set; }

    public long Foreign { get; set; }

    public MicrosHistogram Transit { get; } = new();

    public void Merge(ReceiveTally other)
    {
        Received += other.Received;
        OutOfOrder += other.OutOfOrder;
        SequenceGaps += other.SequenceGaps;
        Rtcp += other.Rtcp;
        Foreign += other.Foreign;
        Transit.Merge(other.Transit);
    }
}
