using System.Globalization;

namespace ContactCenter.Drills;

/// <summary>The <c>kill-silo</c> command: parses its flags, runs <see cref="KillSiloDrill"/> on a fresh
/// <see cref="DrillCluster"/> and prints the figures, ending with <see cref="DrillResult.SummaryLine"/>.</summary>
internal static class KillSiloCommand
{
    public static async Task<int> RunAsync(string connectionString, string[] args, CancellationToken cancellationToken)
    {
        List<string> flags = [.. args];
        var isShort = flags.Remove("--short");
        var graceful = flags.Remove("--graceful");
        var workDirectory = Take(flags, "--work-dir") ?? Path.Combine(Path.GetTempPath(), $"cc-drill-{Guid.NewGuid():N}");
        var clusterOptions = new DrillClusterOptions
        {
            ConnectionString = connectionString,
            WorkDirectory = workDirectory,
            HeartbeatPeriod = Seconds(Take(flags, "--heartbeat")),
            LeaseDuration = Seconds(Take(flags, "--lease")),
            SuspectAfter = Seconds(Take(flags, "--suspect")),
            Report = output => File.AppendAllText(Path.Combine(workDirectory, "processes.log"), output + Environment.NewLine),
        };
        var drillOptions = new KillSiloDrillOptions
        {
            Grains = Number(Take(flags, "--grains")) ?? 1000,
            AppendsPerSecond = Number(Take(flags, "--rate")) ?? (isShort ? 500 : 1000),
            Kills = Number(Take(flags, "--kills")) ?? 1,
            LoadBetweenKills = TimeSpan.FromSeconds(isShort ? 8 : 20),
            Graceful = graceful,
            Log = line => Console.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}"),
        };
        if (flags.Count > 0)
        {
            throw new FormatException($"unknown flag(s): {string.Join(' ', flags)}");
        }

        drillOptions.Log($"starting {clusterOptions.Silos} silos in {string.Join(", ", clusterOptions.Sites)}; activation logs and process output in {workDirectory}");
        DrillResult result;
        await using (var cluster = await DrillCluster.StartAsync(clusterOptions, cancellationToken))
        {
            result = await KillSiloDrill.RunAsync(cluster, drillOptions, cancellationToken);
        }
        foreach (var line in result.Details())
        {
            Console.WriteLine(line);
        }
        Console.WriteLine(result.SummaryLine);
        return result.Passed ? 0 : 1;
    }

    private static string? Take(List<string> flags, string name)
    {
        var index = flags.IndexOf(name);
        if (index < 0)
        {
            return null;
        }
        if (index + 1 >= flags.Count)
        {
            throw new FormatException($"{name} needs a value");
        }
        var value = flags[index + 1];
        flags.RemoveRange(index, 2);
        return value;
    }

    private static int? Number(string? text) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new FormatException($"'{text}' is not a positive whole number");

    private static TimeSpan? Seconds(string? text) =>
        text is null ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? TimeSpan.FromSeconds(value)
        : throw new FormatException($"'{text}' is not a positive number of seconds");
}
