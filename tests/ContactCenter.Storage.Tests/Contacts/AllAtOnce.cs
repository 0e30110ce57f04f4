namespace ContactCenter.Storage.Tests.Contacts;

/// <summary>Races of concurrent directory calls: every attempt waits on its own thread-pool turn for one release, and
/// reports its result or its exception.</summary>
internal static class AllAtOnce
{
    public static async Task<(T? Result, Exception? Error)[]> RunAsync<T>(int count, Func<int, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, count)
            .Select(index => Task.Run(async () =>
            {
                await start.Task;
                try
                {
                    return (await attempt(index), (Exception?)null);
                }
                catch (Exception error)
                {
                    return (default(T), error);
                }
            }, cancellationToken))
            .ToArray();
        start.SetResult();
        return await Task.WhenAll(attempts);
    }
}
