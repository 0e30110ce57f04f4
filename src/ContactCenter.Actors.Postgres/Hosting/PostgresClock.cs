namespace ContactCenter.Actors.Postgres;

/// <summary>The database clock as the providers read it: <c>now()</c> plus <see cref="Offset"/>. The offset is zero in
/// production; contract tests move it to age heartbeats and stamps without waiting.</summary>
public sealed class PostgresClock
{
    public TimeSpan Offset { get; set; }
}
