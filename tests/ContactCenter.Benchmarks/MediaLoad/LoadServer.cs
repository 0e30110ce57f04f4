using System.Diagnostics;
using System.Runtime.InteropServices;
using ContactCenter.Media.Bridging;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Sessions;

namespace ContactCenter.Benchmarks.MediaLoad;

/// <summary>The media process under load: N bridged calls (or N prompt streams) in one <see cref="MediaEngine"/>.</summary>
public static class LoadServer
{
    public static async Task<int> RunAsync(LoadArgs args)
    {
        var calls = args.Int("--calls", 100);
        var portsFile = args.Required("--ports-file");
        var recordDirectory = args.String("--record");
        var play = args.String("--play");
        var portStart = args.Int("--port-start", 20000);
        var options = new MediaEngineOptions
        {
            RecordingDirectory = recordDirectory ?? Path.GetTempPath(),
        };
        options.Transport.PortRangeStart = portStart;
        options.Transport.PortRangeEnd = Math.Min(65535, portStart + 19999);
        // The run is shorter than this: no leg must report inactivity while the generator warms up.
        options.Transport.InactivityTimeout = TimeSpan.FromMinutes(10);

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        await using var engine = new MediaEngine(options, TimeProvider.System);
        var bridges = new List<MediaBridge>();
        var lines = new List<string>();
        var legs = new List<MediaLeg>();
        var prompt = play is null ? null : WavReader.ReadMono8k(play);
        for (var i = 0; i < calls; i++)
        {
            var caller = engine.CreateLeg($"c{i}-caller", G711Codec.MuLaw);
            legs.Add(caller);
            if (prompt is not null)
            {
                _ = caller.Play(prompt, loop: true);
                lines.Add($"{caller.LocalEndPoint.Port}");
                continue;
            }
            var agent = engine.CreateLeg($"c{i}-agent", G711Codec.MuLaw);
            legs.Add(agent);
            var bridge = engine.Bridge(caller, agent);
            if (recordDirectory is not null)
            {
                engine.Record(bridge, $"call-{i:D5}");
            }
            bridges.Add(bridge);
            lines.Add($"{caller.LocalEndPoint.Port} {agent.LocalEndPoint.Port}");
        }
        var temporary = portsFile + ".tmp";
        await File.WriteAllLinesAsync(temporary, lines);
        File.Move(temporary, portsFile, overwrite: true);
        Console.WriteLine($"media-load server: ready, pid {Environment.ProcessId}, {calls} {(prompt is null ? "bridged calls" : "prompt streams")}, " +
            $"recording {(recordDirectory is null ? "off" : "on")}, server GC {System.Runtime.GCSettings.IsServerGC}");

        var allocatedAtReady = GC.GetTotalAllocatedBytes();
        var gen0AtReady = GC.CollectionCount(0);
        var gen2AtReady = GC.CollectionCount(2);
        // The server's own count, independent of how well the generator kept up: CPU per packet it actually handled
        // (received and relayed, or sent as prompt) from ready to stop, idle moments included.
        var packetsAtReady = Packets();
        var cpuAtReady = Process.GetCurrentProcess().TotalProcessorTime;
        await stop.Task;
        var packets = Packets() - packetsAtReady;
        // Only public API of the engine here, so that this server also runs against an earlier ContactCenter.Media.dll
        // dropped into a copy of the output folder (before/after comparisons with the same generator).
        Console.WriteLine($"media-load server: {Process.GetCurrentProcess().Threads.Count} threads at the end of the run");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtReady;
        Console.WriteLine($"media-load server: {packets} packets {(prompt is null ? "received and relayed" : "sent")} since ready, " +
            $"{(packets == 0 ? double.NaN : cpu.TotalMicroseconds / packets):F2} µs CPU per packet (whole run, idle moments included)");
        Console.WriteLine($"media-load server: {(GC.GetTotalAllocatedBytes() - allocatedAtReady) / 1024.0 / 1024:F1} MiB allocated while running, " +
            $"{GC.CollectionCount(0) - gen0AtReady} gen0 and {GC.CollectionCount(2) - gen2AtReady} gen2 collections");

        var durations = new List<double>();
        foreach (var bridge in bridges)
        {
            if (bridge.StopRecording() is { } metadata)
            {
                durations.Add(metadata.DurationSeconds);
            }
            bridge.Dispose();
        }
        if (durations.Count > 0)
        {
            Console.WriteLine($"media-load server: {durations.Count} recordings finalised, {durations.Min():F2}-{durations.Max():F2} s");
        }
        Console.WriteLine($"media-load server: stopped, {engine.LegCount} legs released");
        return 0;

        long Packets() => legs.Sum(l => prompt is null ? l.Session.PacketsReceived : l.Session.Outbound.PacketCount);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
