namespace ContactCenter.Actors.Tests.Providers;

/// <summary>Races of concurrent provider calls: every attempt waits on its own thread-pool turn for one release.</summary>
internal static class AllAtOnce
{
    public static async Task<T[]> RunAsync<T>(int count, Func<int, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, count)
            .Select(index => Task.Run(async () =>
            {
                await start.Task;
                return await attempt(index);
            }, cancellationToken))
            .ToArray();
        start.SetResult();
        return await Task.WhenAll(attempts);
    }

    /// <summary>Compare-and-swap writers released together: who got which version, and how the others failed.</summary>
    public static Task<(int Writer, long? Version, Exception? Error)[]> CompeteAsync(
        int writers, Func<int, Task<long>> write, CancellationToken cancellationToken) =>
        RunAsync(writers, async writer =>
        {
            try
            {
                return (writer, (long?)await write(writer), (Exception?)null);
            }
            catch (Exception error)
            {
                return (writer, null, error);
            }
        }, cancellationToken);
}
