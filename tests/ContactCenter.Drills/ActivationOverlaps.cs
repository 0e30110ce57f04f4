using ContactCenter.Actors.Drills;

namespace ContactCenter.Drills;

/// <summary>Finds grains that were active on two silos at once, from the silos' drill activation logs. An activation
/// runs from its start line to its stop line; one without a stop line ended when its silo was killed (kill time
/// given), or is still running.</summary>
public static class ActivationOverlaps
{
    /// <summary>The grains with overlapping activations, each with a description of the first overlap found.</summary>
    public static IReadOnlyDictionary<string, string> Find(IEnumerable<string> logFiles, IReadOnlyDictionary<string, DateTimeOffset> killTimes)
    {
        ArgumentNullException.ThrowIfNull(killTimes);
        var intervals = new Dictionary<string, List<(DateTimeOffset Start, DateTimeOffset End, string Silo)>>();
        foreach (var file in logFiles.Where(File.Exists))
        {
            var open = new Dictionary<string, DrillActivationRecord>();
            foreach (var record in File.ReadLines(file).Select(DrillActivationRecord.TryParse).OfType<DrillActivationRecord>())
            {
                if (record.IsStart)
                {
                    open[record.Grain] = record;
                }
                else if (open.Remove(record.Grain, out var start))
                {
                    Add(intervals, start, record.Time);
                }
            }
            foreach (var start in open.Values)
            {
                var end = killTimes.TryGetValue(start.Silo, out var killed) ? Max(killed, start.Time) : DateTimeOffset.MaxValue;
                Add(intervals, start, end);
            }
        }
        var overlaps = new Dictionary<string, string>();
        foreach (var (grain, list) in intervals)
        {
            list.Sort((a, b) => a.Start.CompareTo(b.Start));
            var latest = list[0]; // of the intervals so far, the one that ends last
            foreach (var next in list.Skip(1))
            {
                if (next.Start < latest.End)
                {
                    overlaps[grain] = $"active on {latest.Silo} from {latest.Start:O} to {latest.End:O} and on {next.Silo} from {next.Start:O}";
                    break;
                }
                latest = next.End > latest.End ? next : latest;
            }
        }
        return overlaps;
    }

    private static void Add(Dictionary<string, List<(DateTimeOffset, DateTimeOffset, string)>> intervals, DrillActivationRecord start, DateTimeOffset end)
    {
        if (!intervals.TryGetValue(start.Grain, out var list))
        {
            intervals[start.Grain] = list = [];
        }
        list.Add((start.Time, end, start.Silo));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
