// Hubs mode: `dotnet run -c Release --project tests/ContactCenter.Benchmarks -- hubs [--clients 200] [--changes 300]
// [--rate 20] [--agents 50]`.
//
// Grain state change → what a supervisor sees (issue 8, goal p99 ≤ 250 ms). The single-node host (silo and web roles,
// NodeApplication) runs in this process with N agents logged in; C .NET SignalR clients connect to /hubs/supervisor over
// real WebSockets to Kestrel, and Chromium signs in two supervisor pages and a wallboard. The driver pauses and resumes
// agents through their grains at a fixed rate; each change's time is the grain's event time (AgentStatus.DisplayedSince).
// A .NET client's latency is receive time − event time of each "agent" update; a page's is the time its
// MutationObserver sees the agent row's state text (supervisor) or the "free agents" tile (wallboard) change − event
// time. All clocks are this machine's UTC clock.
using System.Diagnostics;
using ContactCenter.Benchmarks.Latency;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.LiveViews;
using ContactCenter.Web.Hubs;

namespace ContactCenter.Benchmarks.Hubs;

public static class HubLatencyRun
{
    private const double GoalP99Ms = 250;
    private const int SupervisorPages = 2;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(string[] args)
    {
        var clientCount = Option(args, "--clients", 200);
        var changeCount = Option(args, "--changes", 300);
        var rate = Option(args, "--rate", 20);
        var agentCount = Option(args, "--agents", 50);
        Console.WriteLine($"hubs mode: {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}. One process hosts " +
                          $"the silo, the web role (Kestrel, SignalR) and the {clientCount} .NET clients; Chromium ({SupervisorPages} supervisor pages, " +
                          "1 wallboard) runs beside it on the same cores: the figures include the clients' load.");

        await using var site = await HubSite.StartAsync(agentCount);
        foreach (var id in site.AgentIds)
        {
            var login = await site.Grains.GetGrain<IAgentGrain>(id).LogInAsync();
            if (!login.Succeeded)
            {
                throw new InvalidOperationException($"{id} could not log in: {login}");
            }
        }
        var token = await site.TokenAsync("supervisor", "supervisor-demo");
        var clients = new HubClient[clientCount];
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, clientCount), new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (i, cancel) => clients[i] = await HubClient.ConnectAsync(site.BaseAddress, token, cancel));
            await using var browsers = await BrowserPages.StartAsync(site.BaseAddress, SupervisorPages);
            var rows = await browsers.WatchAsync();
            Console.WriteLine($"{clientCount} clients on ws://{site.BaseAddress.Authority}{SupervisorHub.Path}; supervisor pages show " +
                              $"{string.Join(" and ", rows)} agent rows; {agentCount} agents, {changeCount} changes at {rate}/s");
            if (rows.Any(r => r < agentCount))
            {
                throw new InvalidOperationException($"a supervisor page shows {rows.Min()} agent rows, fewer than the {agentCount} agents");
            }

            // Warm-up (not measured): every agent paused and resumed once, which also proves every stream is followed.
            var driver = new AgentChangeDriver(site.Grains, site.AgentIds, rate);
            var (warmUp, _) = await driver.RunAsync(2 * agentCount, 0);
            await DrainAsync(clients, browsers, warmUp, freeAfter: null);
            var free = await SettledFreeAsync(site, browsers);

            var gc = GcCounter.Start();
            var started = Stopwatch.GetTimestamp();
            var (changes, commandTicks) = await driver.RunAsync(changeCount, free);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var drained = await DrainAsync(clients, browsers, changes, changes[^1].FreeAfter);
            var collections = gc.Elapsed();

            var dotnet = LatencyPairing.Clients(changes, clients.Select(c => c.Receipts));
            var pages = new List<DomChange[]>();
            foreach (var page in browsers.Supervisors)
            {
                pages.Add(await BrowserPages.ChangesAsync(page));
            }
            var supervisors = LatencyPairing.Rows(changes, pages);
            var tileRenders = await BrowserPages.ChangesAsync(browsers.Wallboard);
            var wallboard = LatencyPairing.Tile(changes, tileRenders, out var unexplained);

            Console.WriteLine($"measured: {changes.Count} changes in {elapsed.TotalSeconds:F1} s ({driver.Late} started late), free agents {free} → " +
                              $"{changes.Min(c => c.FreeAfter)} → {changes[^1].FreeAfter}; delivery {(drained is { } d ? $"complete {d.TotalMilliseconds:F0} ms after the last change" : $"INCOMPLETE after {DrainTimeout.TotalSeconds:F0} s")}");
            Console.WriteLine(LatencySamples.Header);
            Console.WriteLine(LatencySamples.From("grain command (pause/resume) round trip", 1, commandTicks, elapsed, collections));
            var results = new (string Name, int Observers, PairedLatencies Latencies)[]
            {
                ($".NET SignalR clients ({clientCount})", clientCount, dotnet),
                ($"Chromium supervisor pages ({SupervisorPages})", SupervisorPages, supervisors),
                ("Chromium wallboard (1)", 1, wallboard),
            };
            foreach (var (name, observers, latencies) in results)
            {
                Console.WriteLine(latencies.Millis.Length == 0
                    ? $"{name,-44} {observers,5}  no update seen"
                    : LatencySamples.From(name, observers, latencies.Ticks(), elapsed, collections).ToString());
            }
            Console.WriteLine();
            Console.WriteLine($"{"observer",-44} {"expected",9} {"received",9} {"lost",6}   p50 / p99 / max (ms)   goal p99 ≤ {GoalP99Ms:F0} ms");
            foreach (var (name, _, latencies) in results)
            {
                Console.WriteLine(Summary(name, latencies));
            }
            Console.WriteLine($"wallboard: {tileRenders.Length} renders of the free tile for {changes.Count} changes (the site aggregate folds the " +
                              $"journal on a short timer, so changes in one batch show as one value){(unexplained > 0 ? $"; {unexplained} values matched no change" : "")}");
            return dotnet.Received == dotnet.Expected && supervisors.Received == supervisors.Expected && wallboard.Received == wallboard.Expected ? 0 : 1;
        }
        finally
        {
            foreach (var client in clients.OfType<HubClient>())
            {
                await client.DisposeAsync();
            }
        }
    }

    private static string Summary(string name, PairedLatencies latencies)
    {
        var sorted = latencies.Millis.Order().ToArray();
        var lost = latencies.Expected - latencies.Received;
        var figures = sorted.Length == 0
            ? "–"
            : $"{Percentile(sorted, 50),6:F1} / {Percentile(sorted, 99),6:F1} / {sorted[^1],6:F1}";
        var goal = sorted.Length == 0 ? "no data" : Percentile(sorted, 99) <= GoalP99Ms ? "met" : "MISSED";
        return $"{name,-44} {latencies.Expected,9} {latencies.Received,9} {lost,6}   {figures,-22} {goal}";
    }

    private static double Percentile(double[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Waits until every client has the last change, every supervisor row shows its agent's last state and the
    /// wallboard the last free count (unless null); returns how long after the last change that was, or null on timeout.</summary>
    private static async Task<TimeSpan?> DrainAsync(HubClient[] clients, BrowserPages browsers, List<AgentChange> changes, int? freeAfter)
    {
        var last = changes[^1];
        var lastStates = changes.GroupBy(c => c.AgentId).ToDictionary(g => g.Key, g => g.Last().State.ToString());
        var deadline = Stopwatch.GetTimestamp() + (long)(DrainTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var done = clients.All(c => c.Receipts.Any(r => r.AgentId == last.AgentId && r.DisplayedSinceTicks == last.DisplayedSince.UtcTicks));
            foreach (var page in browsers.Supervisors)
            {
                var shown = (await BrowserPages.ChangesAsync(page)).GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.Last().Text);
                done &= lastStates.All(s => shown.GetValueOrDefault(s.Key) == s.Value);
            }
            done &= freeAfter is not { } free || await browsers.FreeTileAsync() == free.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (done)
            {
                return DateTimeOffset.UtcNow - last.DisplayedSince;
            }
            await Task.Delay(200);
        }
        return null;
    }

    /// <summary>The site's available agents once the aggregate and the wallboard agree and nothing changes.</summary>
    private static async Task<int> SettledFreeAsync(HubSite site, BrowserPages browsers)
    {
        var view = site.Grains.GetGrain<ISiteLiveView>(SiteSettings.SiteId);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await Task.Delay(300);
            var free = (await view.GetStatusAsync()).Agents.Available;
            if (await browsers.FreeTileAsync() == free.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return free;
            }
        }
        throw new InvalidOperationException("the wallboard's free tile never showed the site aggregate's available agents");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
