using System.Diagnostics;
using System.Globalization;

namespace ContactCenter.Benchmarks.MediaLoad;

/// <summary>Turns the /proc readings and the tallies of a run into the printed figures.</summary>
public sealed class LoadReport(ProcSnapshot before, ProcSnapshot after, string loadAverage)
{
    private double Seconds => (after.Timestamp - before.Timestamp) / (double)Stopwatch.Frequency;

    private double ServerCores => (after.ServerCpuNs - before.ServerCpuNs) / 1e9 / Seconds;

    private double OwnCores => (after.OwnCpuNs - before.OwnCpuNs) / 1e9 / Seconds;

    public void PrintBridge(int calls, StreamSender sender, ReceiveTally tally)
    {
        var sent = sender.SentInWindow;
        var loss = sent == 0 ? double.NaN : 1 - (tally.Received / (double)sent);
        var cpuMicrosPerPacket = sent == 0 ? double.NaN : (after.ServerCpuNs - before.ServerCpuNs) / 1e3 / sent;
        // A call is 50 packets/s each way. When the generator falls behind, fewer are offered than N calls need, so the
        // per-call figures use the calls actually carried.
        var carried = sent / Seconds / 100;
        Console.WriteLine($"bridge: {calls} calls, {Seconds:F1} s window, load average {loadAverage}; offered {carried:F0} calls' worth of packets ({carried / calls:P0})");
        PrintCpu(carried, "call");
        Console.WriteLine($"  relay: {sent} packets in, {tally.Received} relayed back, loss {loss:P3}, {cpuMicrosPerPacket:F1} µs server CPU per packet relayed");
        Console.WriteLine($"  order: {tally.OutOfOrder} out of order, {tally.SequenceGaps} sequence gaps server->generator; injected loss {sender.InjectedLosses}, reorder {sender.InjectedReorders}");
        Console.WriteLine($"  transit (generator send -> relay -> generator receive) p50 {tally.Transit.Percentile(50) / 1000:F2} ms, p99 {tally.Transit.Percentile(99) / 1000:F2} ms, " +
            $"p99.9 {tally.Transit.Percentile(99.9) / 1000:F2} ms, max {tally.Transit.MaxMicros / 1000.0:F2} ms; added jitter p99-p50 {(tally.Transit.Percentile(99) - tally.Transit.Percentile(50)) / 1000:F2} ms");
        Console.WriteLine($"  generator: {sender.LateTicks} late ticks of {sender.Ticks}, send batch p50 {sender.BatchTime.Percentile(50) / 1000:F2} ms p99 {sender.BatchTime.Percentile(99) / 1000:F2} ms");
        PrintDrops();
        Console.WriteLine(Result("bridge", calls, carried,
            ("loss", loss.ToString("F5", CultureInfo.InvariantCulture)),
            ("us_per_packet", cpuMicrosPerPacket.ToString("F2", CultureInfo.InvariantCulture)),
            ("out_of_order", tally.OutOfOrder.ToString(CultureInfo.InvariantCulture)),
            ("transit_p50_ms", (tally.Transit.Percentile(50) / 1000).ToString("F2", CultureInfo.InvariantCulture)),
            ("transit_p99_ms", (tally.Transit.Percentile(99) / 1000).ToString("F2", CultureInfo.InvariantCulture)),
            ("late_ticks", sender.LateTicks.ToString(CultureInfo.InvariantCulture))));
    }

    public void PrintListen(int streamCount, StreamState streams, ReceiveTally tally)
    {
        var offsets = new MicrosHistogram();
        var intervals = new MicrosHistogram();
        foreach (var trace in streams.Traces)
        {
            trace.AddErrors(offsets, intervals);
        }
        var expected = streamCount * Seconds * 50;
        Console.WriteLine($"prompts: {streamCount} streams, {Seconds:F1} s window, load average {loadAverage}");
        PrintCpu(streamCount, "stream");
        Console.WriteLine($"  received {tally.Received} packets, {tally.Received / expected:P2} of the 50/s per stream expected");
        Console.WriteLine($"  pacing error vs the 20 ms grid (arrival - RTP time, per-stream median removed): p50 {offsets.Percentile(50) / 1000:F2} ms, " +
            $"p99 {offsets.Percentile(99) / 1000:F2} ms, max {offsets.MaxMicros / 1000.0:F2} ms");
        Console.WriteLine($"  inter-packet interval error |Δarrival - 20 ms|: p50 {intervals.Percentile(50) / 1000:F2} ms, p99 {intervals.Percentile(99) / 1000:F2} ms, max {intervals.MaxMicros / 1000.0:F2} ms");
        PrintDrops();
        Console.WriteLine(Result("listen", streamCount, streamCount,
            ("received_share", (tally.Received / expected).ToString("F4", CultureInfo.InvariantCulture)),
            ("pacing_p50_ms", (offsets.Percentile(50) / 1000).ToString("F2", CultureInfo.InvariantCulture)),
            ("pacing_p99_ms", (offsets.Percentile(99) / 1000).ToString("F2", CultureInfo.InvariantCulture)),
            ("interval_p50_ms", (intervals.Percentile(50) / 1000).ToString("F2", CultureInfo.InvariantCulture)),
            ("interval_p99_ms", (intervals.Percentile(99) / 1000).ToString("F2", CultureInfo.InvariantCulture))));
    }

    private void PrintCpu(double units, string unit)
    {
        var user = (after.ServerUserTicks - before.ServerUserTicks) / (double)(after.ServerUserTicks - before.ServerUserTicks + after.ServerSystemTicks - before.ServerSystemTicks);
        var hostBusy = (after.HostBusyJiffies - before.HostBusyJiffies) / (double)(after.HostTotalJiffies - before.HostTotalJiffies);
        Console.WriteLine($"  server CPU {ServerCores * 100:F1} % of a core ({user:P0} user), {ServerCores * 100 / units:F3} % per {unit}, " +
            $"{units / ServerCores:F0} {unit}s per core; generator {OwnCores * 100:F1} %; host busy {hostBusy:P0} of {Environment.ProcessorCount} cores");
    }

    private void PrintDrops() =>
        Console.WriteLine($"  drops: server sockets {after.ServerSocketDrops - before.ServerSocketDrops}, generator sockets {after.GeneratorSocketDrops - before.GeneratorSocketDrops}, " +
            $"/proc/net/snmp Udp RcvbufErrors +{after.RcvbufErrors - before.RcvbufErrors} InErrors +{after.InErrors - before.InErrors}");

    private string Result(string mode, int units, double carried, params (string Key, string Value)[] extra)
    {
        var hostBusy = (after.HostBusyJiffies - before.HostBusyJiffies) / (double)(after.HostTotalJiffies - before.HostTotalJiffies);
        var fields = new List<(string, string)>
        {
            ("mode", mode),
            ("units", units.ToString(CultureInfo.InvariantCulture)),
            ("carried", carried.ToString("F0", CultureInfo.InvariantCulture)),
            ("server_cpu_pct", (ServerCores * 100).ToString("F1", CultureInfo.InvariantCulture)),
            ("pct_per_unit", (ServerCores * 100 / carried).ToString("F4", CultureInfo.InvariantCulture)),
            ("per_core", (carried / ServerCores).ToString("F0", CultureInfo.InvariantCulture)),
            ("generator_cpu_pct", (OwnCores * 100).ToString("F1", CultureInfo.InvariantCulture)),
            ("host_busy_pct", (hostBusy * 100).ToString("F0", CultureInfo.InvariantCulture)),
            ("server_drops", (after.ServerSocketDrops - before.ServerSocketDrops).ToString(CultureInfo.InvariantCulture)),
            ("generator_drops", (after.GeneratorSocketDrops - before.GeneratorSocketDrops).ToString(CultureInfo.InvariantCulture)),
            ("rcvbuf_errors", (after.RcvbufErrors - before.RcvbufErrors).ToString(CultureInfo.InvariantCulture)),
            ("loadavg", loadAverage),
        };
        fields.AddRange(extra);
        return "RESULT " + string.Join(' ', fields.Select(f => $"{f.Item1}={f.Item2}"));
    }
}
