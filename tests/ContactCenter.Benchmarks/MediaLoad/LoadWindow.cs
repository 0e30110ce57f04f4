using System.Diagnostics;

namespace ContactCenter.Benchmarks.MediaLoad;

/// <summary>The measured window on the Stopwatch clock, fixed before the run starts: packets are counted when their send
/// time falls inside it, so the sender, the receivers and the /proc readings agree on what was measured.</summary>
public sealed record LoadWindow(long Start, long End)
{
    public static LoadWindow After(TimeSpan warmUp, TimeSpan length)
    {
        var start = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        return new LoadWindow(start, start + (long)(length.TotalSeconds * Stopwatch.Frequency));
    }

    public double Seconds => (End - Start) / (double)Stopwatch.Frequency;

    public bool Contains(long timestamp) => timestamp >= Start && timestamp < End;

    public static long Micros(long ticks) => ticks * 1_000_000 / Stopwatch.Frequency;
}
