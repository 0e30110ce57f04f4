namespace ContactCenter.Benchmarks.Latency;

/// <summary>Garbage collections per generation since it was started: pauses explain the tail.</summary>
public readonly struct GcCounter
{
    private readonly int[] _start;

    private GcCounter(int[] start)
    {
        _start = start;
    }

    public static GcCounter Start() => new([GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)]);

    public int[] Elapsed() =>
        [GC.CollectionCount(0) - _start[0], GC.CollectionCount(1) - _start[1], GC.CollectionCount(2) - _start[2]];
}
