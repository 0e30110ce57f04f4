using Microsoft.Extensions.Logging;

namespace ContactCenter.Drills;

/// <summary>Writes the drill client's own runtime log (the in-process cluster client) as timestamped lines, in the host's
/// console format, so a drill's timeline can be read next to the silos' output.</summary>
internal sealed class LineLoggerProvider(Action<string> write, LogLevel minimum) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new LineLogger(categoryName, write, minimum);

    public void Dispose()
    {
    }

    private sealed class LineLogger(string category, Action<string> write, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var error = exception is null ? "" : $" {exception.GetType().Name}: {exception.Message}";
                write($"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {logLevel}: {category}[{eventId.Id}] {formatter(state, exception)}{error}");
            }
        }
    }
}
