namespace ContactCenter.Actors.Tests.Grains;

public sealed class TurnGrain : Grain, ITurnGrain
{
    private readonly List<string> _log = [];
    private int _working;
    private int _looking;
    private int _maxWorking;
    private int _maxLooking;

    public async Task Work(int milliseconds)
    {
        var now = Interlocked.Increment(ref _working) + Volatile.Read(ref _looking);
        _maxWorking = Math.Max(_maxWorking, now);
        await Task.Delay(milliseconds);
        Interlocked.Decrement(ref _working);
    }

    public async Task Look(int milliseconds)
    {
        var now = Interlocked.Increment(ref _looking);
        InterlockedMax(ref _maxLooking, now);
        if (Volatile.Read(ref _working) > 0)
        {
            InterlockedMax(ref _maxWorking, 2); // a read-only turn overlapped an exclusive one
        }
        await Task.Delay(milliseconds);
        Interlocked.Decrement(ref _looking);
    }

    public Task<int> MaxConcurrentWork() => Task.FromResult(_maxWorking);

    public Task<int> MaxConcurrentLooks() => Task.FromResult(Volatile.Read(ref _maxLooking));

    public Task<List<string>> Log() => Task.FromResult(_log.ToList());

    public async Task Append(string entry)
    {
        // Yield in the middle: another turn slipping in here would interleave the two halves in the log.
        _log.Add(entry + ":begin");
        await Task.Yield();
        _log.Add(entry + ":end");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
