namespace ContactCenter.Interop.Tests.Sipp;

/// <summary>The final cumulative figures of a sipp run, from the last row of its <c>-trace_stat</c> CSV (fields
/// separated by <c>;</c>, the header row names them, <c>(C)</c> marks cumulative counters).</summary>
internal sealed record SippStatistics(long Created, long Successful, long Failed, IReadOnlyDictionary<string, long> Counters)
{
    /// <summary>Every non-zero cumulative <c>Failed…</c> counter, for a failure message.</summary>
    public string FailureBreakdown =>
        string.Join(", ", Counters.Where(c => c.Key.StartsWith("Failed", StringComparison.Ordinal) && c.Value != 0).Select(c => $"{c.Key}={c.Value}"));

    /// <summary>Messages sipp could not put in a running call: retransmissions for calls it already finished
    /// (<c>DeadCallMsgs</c>, e.g. a final response we kept resending because our side missed the ACK) and messages
    /// for no call at all (<c>OutOfCallMsgs</c>).</summary>
    public long StrayMessages => Counters.GetValueOrDefault("DeadCallMsgs") + Counters.GetValueOrDefault("OutOfCallMsgs");

    public static SippStatistics? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        if (lines.Count < 2)
        {
            return null;
        }
        var names = lines[0].Split(';');
        var values = lines[^1].Split(';');
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(names.Length, values.Length); i++)
        {
            if (names[i].EndsWith("(C)", StringComparison.Ordinal) || names[i] == "TotalCallCreated")
            {
                if (long.TryParse(values[i], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
                {
                    counters[names[i].Replace("(C)", "", StringComparison.Ordinal)] = value;
                }
            }
        }
        return new SippStatistics(
            counters.GetValueOrDefault("TotalCallCreated"),
            counters.GetValueOrDefault("SuccessfulCall"),
            counters.GetValueOrDefault("FailedCall"),
            counters);
    }

    public override string ToString() =>
        $"sipp: created {Created}, successful {Successful}, failed {Failed}, stray messages {StrayMessages}, retransmissions {Counters.GetValueOrDefault("Retransmissions")}"
        + (Failed == 0 ? "" : $" ({FailureBreakdown})");
}
