using ContactCenter.TestSupport;

namespace ContactCenter.Interop.Tests;

/// <summary>Waits on a condition (no sleeps) and fails with the phase and both sides' diagnostics when it times out.</summary>
internal static class Conditions
{
    public static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string phase, Func<string> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            await Eventually.TrueAsync(condition, timeout, phase).WaitAsync(cancellationToken);
        }
        catch (TimeoutException timedOut)
        {
            Assert.Fail($"{timedOut.Message}\n{diagnostics()}");
        }
    }

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="timeout"/>; fails with the phase and
    /// diagnostics otherwise.</summary>
    public static async Task<T> WithinAsync<T>(Task<T> task, TimeSpan timeout, string phase, Func<string> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            return await task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"waited {timeout} for: {phase}\n{diagnostics()}");
            throw;
        }
    }
}
