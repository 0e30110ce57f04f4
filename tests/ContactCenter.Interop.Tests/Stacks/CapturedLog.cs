using Microsoft.Extensions.Logging;

namespace ContactCenter.Interop.Tests.Stacks;

/// <summary>Keeps the last log lines of our stack (information and above) so a failing interop test can show what our
/// side said next to the peer's output.</summary>
internal sealed class CapturedLog : ILoggerProvider, ILogger
{
    private const int KeptLines = 200;

    private readonly Queue<string> _lines = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        var line = $"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : $" [{exception.GetType().Name}: {exception.Message}]")}";
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }
    }

    public string Tail(int lines = 20)
    {
        lock (_lines)
        {
            return "--- our stack\n" + string.Join('\n', _lines.Skip(Math.Max(0, _lines.Count - lines)));
        }
    }

    public void Dispose()
    {
    }
}
