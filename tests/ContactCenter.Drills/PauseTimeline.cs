using System.Text.RegularExpressions;

namespace ContactCenter.Drills;

/// <summary>Reads when a silo generation stopped running grain code without its activations writing stop lines: the
/// cluster declared it dead and it dropped them (runtime log 1006), having paused them at its last fence (1004) if no
/// resume (1005) followed. Activations dropped that way run no deactivation code, so this is their end.</summary>
public static partial class PauseTimeline
{
    /// <summary>Adds, per dropped generation found in <paramref name="lines"/> (a process's output with arrival times),
    /// the start of its final pause, or the drop itself when it was not paused; keeps an earlier time already there.</summary>
    public static void AddEnds(IEnumerable<(DateTimeOffset Time, string Line)> lines, IDictionary<string, DateTimeOffset> ends)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(ends);
        var pausedSince = new Dictionary<string, DateTimeOffset>();
        foreach (var (time, line) in lines)
        {
            if (Fenced().Match(line) is { Success: true } fenced)
            {
                pausedSince.TryAdd(fenced.Groups["silo"].Value, time);
            }
            else if (Resumed().Match(line) is { Success: true } resumed)
            {
                pausedSince.Remove(resumed.Groups["silo"].Value);
            }
            else if (Dropped().Match(line) is { Success: true } dropped)
            {
                var silo = dropped.Groups["silo"].Value;
                var end = pausedSince.TryGetValue(silo, out var since) ? since : time;
                ends[silo] = ends.TryGetValue(silo, out var known) && known < end ? known : end;
            }
        }
    }

    [GeneratedRegex(@"pausing all activations of (?<silo>\S+)")]
    private static partial Regex Fenced();

    [GeneratedRegex(@"resuming activations of (?<silo>\S+)")]
    private static partial Regex Resumed();

    [GeneratedRegex(@"declared this process \((?<silo>[^)]+)\) dead")]
    private static partial Regex Dropped();
}
