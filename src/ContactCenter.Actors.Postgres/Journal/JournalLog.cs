using Microsoft.Extensions.Logging;

namespace ContactCenter.Actors.Postgres;

/// <summary>The PostgreSQL journal's log events, source-generated (event ids 1501–1509).</summary>
internal static partial class JournalLog
{
    [LoggerMessage(1501, LogLevel.Warning, "A journal batch of {Appends} appends ({Events} events) failed; each of its appends fails with this error")]
    public static partial void BatchFailed(this ILogger logger, int appends, int events, Exception exception);
}
