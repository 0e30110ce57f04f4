using Microsoft.Extensions.Options;

namespace ContactCenter.Actors.Drills;

/// <summary>Appends <see cref="DrillActivationRecord"/> lines to <see cref="DrillOptions.ActivationLog"/>. Each line
/// is written through to the operating system at once, so a kill -9 loses none that was written.</summary>
public sealed class DrillActivationLog : IDisposable
{
    private readonly Lock _lock = new();
    private readonly StreamWriter? _writer;

    public DrillActivationLog(IOptions<DrillOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Value.ActivationLog is { Length: > 0 } path)
        {
            _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        }
    }

    internal void Started(string grain, SiloAddress silo, DateTimeOffset time) => Write(new DrillActivationRecord(true, grain, silo.ToString(), time));

    internal void Stopped(string grain, SiloAddress silo, DateTimeOffset time) => Write(new DrillActivationRecord(false, grain, silo.ToString(), time));

    private void Write(DrillActivationRecord record)
    {
        if (_writer is null)
        {
            return;
        }
        lock (_lock)
        {
            _writer.WriteLine(record.Format());
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _writer?.Dispose();
        }
    }
}
