using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ContactCenter.TestSupport;

/// <summary>Writes each log entry of one process as a line (time since the provider was made, the process's name,
/// level, message, exception) to a sink such as a test's output, so a failing cluster test shows what the runtime
/// saw. A sink that throws (the test has ended) is ignored.</summary>
public sealed class LineLoggerProvider(string process, Action<string> write, LogLevel minimum = LogLevel.Information) : ILoggerProvider
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private LogLevel Minimum => minimum;

    public ILogger CreateLogger(string categoryName) => new LineLogger(this);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message, Exception? exception)
    {
        try
        {
            write($"{_clock.Elapsed.TotalSeconds,8:F3}s {process} {level}: {message}{(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")}");
        }
        catch (InvalidOperationException)
        {
            // The test that owned the sink has finished.
        }
    }

    private sealed class LineLogger(LineLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, formatter(state, exception), exception);
            }
        }
    }
}
