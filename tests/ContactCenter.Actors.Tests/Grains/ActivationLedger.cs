using System.Collections.Concurrent;

namespace ContactCenter.Actors.Tests.Grains;

/// <summary>Records activations as they start and stop, process-wide, so tests can check that no grain was ever
/// active twice at once (all silos of a test cluster share the process).</summary>
public static class ActivationLedger
{
    private static readonly ConcurrentDictionary<string, int> Active = new();
    private static readonly ConcurrentDictionary<string, int> MaxActive = new();
    private static readonly ConcurrentDictionary<string, int> Started = new();

    public static void Activated(string grain)
    {
        var now = Active.AddOrUpdate(grain, 1, (_, n) => n + 1);
        MaxActive.AddOrUpdate(grain, now, (_, m) => Math.Max(m, now));
        Started.AddOrUpdate(grain, 1, (_, n) => n + 1);
    }

    public static void Deactivated(string grain) => Active.AddOrUpdate(grain, 0, (_, n) => n - 1);

    public static int MaxConcurrent(string grain) => MaxActive.GetValueOrDefault(grain);

    public static int Activations(string grain) => Started.GetValueOrDefault(grain);
}
