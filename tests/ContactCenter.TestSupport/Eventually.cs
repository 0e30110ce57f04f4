using System.Diagnostics;

namespace ContactCenter.TestSupport;

/// <summary>Waits on a condition with a timeout, naming what was awaited when it fails (no blind sleeps in tests).</summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"waited {timeout} for: {what}");
            }
            await Task.Delay(Poll);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception exception)
            {
                last = exception;
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"waited {timeout} for: {what}" + (last is null ? "" : $" (last error: {last.GetType().Name}: {last.Message})"), last);
            }
            await Task.Delay(Poll);
        }
    }

    /// <summary>Retries <paramref name="action"/> until it succeeds; returns its result and how long it took.</summary>
    public static async Task<(T Result, TimeSpan Elapsed)> SucceedsAsync<T>(Func<Task<T>> action, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return (await action(), clock.Elapsed);
            }
            catch (Exception exception) when (clock.Elapsed < timeout)
            {
                _ = exception;
                await Task.Delay(Poll);
            }
            catch (Exception exception)
            {
                throw new TimeoutException($"waited {timeout} for: {what}; last error {exception.GetType().Name}: {exception.Message}", exception);
            }
        }
    }
}
