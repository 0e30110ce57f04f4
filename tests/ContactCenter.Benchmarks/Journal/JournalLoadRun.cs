// Journal mode: `dotnet run -c Release --project tests/ContactCenter.Benchmarks -- journal [--seconds S] [--streams 1,16,64,256]`
// against the PostgreSQL named by ConnectionStrings__ContactCenter (ops/load/journal.sh starts a throwaway server with
// fsync on and runs this mode). The run refuses a server with fsync or synchronous_commit off: a figure without the
// commit's WAL flush says nothing about the journal.
//
// Method. A private database (created and dropped by the run), migrated; one PostgresEventJournal as a silo builds it.
// For each N in --streams: N writers, each owning one stream, each appending 1–3 events (a fixed pseudo-random sequence
// per writer) with the expected version of its previous append, the next as soon as the previous returned (a closed
// loop, as a grain's turns are). 1 s of warm-up per N, then S seconds (default 5) measured: every append is timed from
// just before the call to just after its await resumes; appends/s, events/s and exact nearest-rank percentiles are
// printed. A lost compare-and-swap would be a bug here (every stream has one writer): the run fails on it.
// All of this shares a small machine with the database server: compare runs made together, and print the load average.
using System.Diagnostics;
using System.Globalization;
using ContactCenter.Actors.Postgres;
using ContactCenter.Benchmarks.Latency;
using ContactCenter.TestSupport;

namespace ContactCenter.Benchmarks.Journal;

public static class JournalLoadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", "5", int.Parse);
        var streams = Option(args, "--streams", "1,16,64,256", s => s.Split(',').Select(int.Parse).ToArray());
        if (PostgresTestDatabase.UnavailableReason() is { } reason)
        {
            Console.Error.WriteLine($"journal mode needs PostgreSQL: {reason}");
            return 2;
        }
        await using var database = await PostgresTestDatabase.CreateAsync();
        await new MigrationRunner(database.DataSource).MigrateActorsAsync();
        var settings = await SettingsAsync(database);
        Console.WriteLine($"journal mode: {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}, " +
            $"load average {LoadAverage()}, PostgreSQL {settings}");
        if (!settings.Contains("fsync=on", StringComparison.Ordinal) || !settings.Contains("synchronous_commit=on", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("journal mode measures durable commits: turn fsync and synchronous_commit on (ops/load/journal.sh does)");
            return 2;
        }
        var journal = new PostgresEventJournal(database.DataSource, new PostgresClock());
        Console.WriteLine($"{LatencySamples.Header}  events/s");
        foreach (var writers in streams)
        {
            var run = $"{Guid.NewGuid():N}"[..8];
            var versions = new long[writers];
            await ClosedLoopAsync(journal, run + "-warm", versions, TimeSpan.FromSeconds(1));
            var (samples, events) = await ClosedLoopAsync(journal, run, versions, TimeSpan.FromSeconds(seconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{samples}  {events / (samples.Count / samples.OpsPerSecond),8:F0}"));
        }
        Console.WriteLine($"load average at the end {LoadAverage()}");
        return 0;
    }

    private static async Task<(LatencySamples Samples, long Events)> ClosedLoopAsync(
        PostgresEventJournal journal, string run, long[] versions, TimeSpan duration)
    {
        Array.Clear(versions);
        var gc = GcCounter.Start();
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, versions.Length)
            .Select(w => Task.Run(() => AppendUntilAsync(journal, $"bench-{run}-{w}", w, versions, end)))
            .ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var samples = LatencySamples.From(
            $"journal append, 1-3 events, {versions.Length} streams", versions.Length, [.. results.SelectMany(r => r)], elapsed, gc.Elapsed());
        return (samples, versions.Sum());
    }

    private static async Task<List<long>> AppendUntilAsync(PostgresEventJournal journal, string stream, int writer, long[] versions, long end)
    {
        var random = new Random(writer);
        var samples = new List<long>(capacity: 4096);
        var version = 0L;
        while (true)
        {
            var before = Stopwatch.GetTimestamp();
            if (before >= end)
            {
                versions[writer] = version;
                return samples;
            }
            var count = random.Next(1, 4);
            var events = new EventData[count];
            for (var i = 0; i < count; i++)
            {
                events[i] = new EventData("BenchmarkEvent", $$"""{"stream":"{{stream}}","n":{{version + i + 1}},"payload":"0123456789abcdef0123456789abcdef"}""");
            }
            version = await journal.AppendAsync(stream, version, events);
            samples.Add(Stopwatch.GetTimestamp() - before);
        }
    }

    private static async Task<string> SettingsAsync(PostgresTestDatabase database)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT 'version=' || current_setting('server_version') || ' fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit') || ' full_page_writes=' || current_setting('full_page_writes')");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static T Option<T>(string[] args, string name, string fallback, Func<string, T> parse)
    {
        var index = Array.IndexOf(args, name);
        return parse(index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback);
    }
}
