using System.Globalization;

namespace ContactCenter.Drills;

/// <summary>What a drill measured and found.</summary>
public sealed record DrillResult(
    IReadOnlyList<KillRecord> Kills,
    long AcknowledgedAppends,
    long LostWrites,
    IReadOnlyDictionary<string, string> DoubleActivations,
    IReadOnlyList<string> FalseDeaths,
    IReadOnlyDictionary<string, int> Errors,
    IReadOnlyDictionary<string, string> ErrorSamples)
{
    /// <summary>Nothing lost, nothing doubled, nobody declared dead who was not killed.</summary>
    public bool Passed => LostWrites == 0 && DoubleActivations.Count == 0 && FalseDeaths.Count == 0;

    /// <summary>The worst kill → all-answering time.</summary>
    public double WorstRecoveredInSeconds => Kills.Count == 0 ? 0 : Kills.Max(k => k.RecoveredInSeconds);

    /// <summary>The median kill → all-answering time.</summary>
    public double MedianRecoveredInSeconds
    {
        get
        {
            var sorted = Kills.Select(k => k.RecoveredInSeconds).Order().ToList();
            return sorted.Count == 0 ? 0
                : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
                : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    /// <summary>The one line ops/drill/kill-silo.sh ends with.</summary>
    public string SummaryLine => string.Create(CultureInfo.InvariantCulture,
        $"recovered_in_s={WorstRecoveredInSeconds:0.00} lost_writes={LostWrites} double_activations={DoubleActivations.Count} false_deaths={FalseDeaths.Count}");

    /// <summary>Every figure and finding, one per line, for logs and test output.</summary>
    public IEnumerable<string> Details()
    {
        foreach (var (kill, index) in Kills.Select((k, i) => (k, i + 1)))
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"kill {index}: {kill.Silo} held {kill.Activations} activations; declared dead in {kill.DeclaredDeadInSeconds:0.00} s; all grains answering in {kill.RecoveredInSeconds:0.00} s");
        }
        yield return string.Create(CultureInfo.InvariantCulture,
            $"recovered_in_s median={MedianRecoveredInSeconds:0.00} worst={WorstRecoveredInSeconds:0.00} over {Kills.Count} kill(s); acknowledged appends {AcknowledgedAppends}");
        yield return $"failed calls (retried): {(Errors.Count == 0 ? "none" : string.Join(", ", Errors.Select(e => $"{e.Key} {e.Value}")))}";
        foreach (var (type, message) in ErrorSamples)
        {
            yield return $"  e.g. {type}: {message}";
        }
        foreach (var (grain, overlap) in DoubleActivations.Take(10))
        {
            yield return $"double activation: {grain} {overlap}";
        }
        foreach (var member in FalseDeaths)
        {
            yield return $"false death: {member}";
        }
    }
}
