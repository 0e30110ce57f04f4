namespace ContactCenter.Benchmarks.Grains;

/// <summary>Shared by every silo of the in-process cluster: the benchmark says how many items it expects, the
/// subscriber grain counts them down, and the benchmark awaits the count reaching zero. One expectation at a time.</summary>
public sealed class StreamProbe
{
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining;

    public Task Expect(int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _done, done);
        Volatile.Write(ref _remaining, count);
        return done.Task;
    }

    public void Received()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            Volatile.Read(ref _done).TrySetResult();
        }
    }
}
