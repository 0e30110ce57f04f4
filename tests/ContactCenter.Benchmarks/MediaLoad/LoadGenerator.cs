using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Benchmarks.MediaLoad;

/// <summary>The load-generator process: drives the server's legs, measures over a steady window, prints the figures and
/// one machine-readable <c>RESULT</c> line.</summary>
public static class LoadGenerator
{
    private const int SolSocket = 1;
    private const int SoRcvbufForce = 33;

    public static int Run(LoadArgs args)
    {
        var legs = File.ReadAllLines(args.Required("--ports-file"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split(' ').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
        var serverPid = args.Int("--server-pid", 0);
        var listen = args.String("--mode") == "listen";
        var warmUp = TimeSpan.FromSeconds(args.Double("--warmup", 3));
        var length = TimeSpan.FromSeconds(args.Double("--seconds", 10));
        var targets = legs.SelectMany(l => l).ToArray();
        var socketCount = args.Int("--sockets", Math.Clamp(targets.Length / 100, 4, 32));
        var sockets = Enumerable.Range(0, socketCount).Select(_ => OpenSocket()).ToArray();
        var serverPorts = targets.ToHashSet();
        var generatorPorts = sockets.Select(s => ((IPEndPoint)s.LocalEndPoint!).Port).ToHashSet();

        var window = LoadWindow.After(warmUp, length);
        var streams = new StreamState(listen, targets, (int)(length.TotalSeconds * 50) + 200);
        // Listen mode times arrivals, so each socket gets a blocking thread; bridge mode polls (see ReceiveWorker).
        var poll = args.String("--receive") is { } receive ? receive == "poll" : !listen;
        var workers = poll
            ? sockets.Chunk((socketCount + 1) / 2).Select(group => new ReceiveWorker(group, poll: true, window, streams)).ToArray()
            : sockets.Select(s => new ReceiveWorker([s], poll: false, window, streams)).ToArray();
        // Stream i goes to targets[i] from socket i mod S: a call's two legs talk to different generator sockets.
        var sender = new StreamSender(
            targets.Select((_, i) => sockets[i % socketCount]).ToArray(),
            targets.Select(p => new IPEndPoint(IPAddress.Loopback, p).Serialize()).ToArray(),
            window,
            listen,
            args.Double("--loss", 0),
            args.Double("--reorder", 0));
        foreach (var worker in workers)
        {
            worker.Start();
        }
        sender.Start();

        SleepUntil(window.Start);
        var before = ProcSnapshot.Read(serverPid, serverPorts, generatorPorts);
        SleepUntil(window.End);
        var after = ProcSnapshot.Read(serverPid, serverPorts, generatorPorts);
        SleepUntil(window.End + (Stopwatch.Frequency / 2));
        sender.Stop();
        SleepUntil(Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 4));
        var tally = new ReceiveTally();
        foreach (var worker in workers)
        {
            worker.Stop();
            tally.Merge(worker.Tally);
        }
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        Console.WriteLine($"generator: {socketCount} sockets, {workers.Length} {(poll ? "polling" : "blocking")} receive threads");
        var report = new LoadReport(before, after, File.ReadAllText("/proc/loadavg").Split(' ')[0]);
        if (listen)
        {
            report.PrintListen(legs.Count, streams, tally);
        }
        else
        {
            report.PrintBridge(legs.Count, sender, tally);
        }
        return 0;
    }

    private static Socket OpenSocket()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        try
        {
            // As root, beyond net.core.rmem_max: the generator's sockets each take many streams and must not be the
            // ones dropping.
            socket.SetRawSocketOption(SolSocket, SoRcvbufForce, BitConverter.GetBytes(16 * 1024 * 1024));
        }
        catch (SocketException)
        {
            socket.ReceiveBufferSize = 16 * 1024 * 1024;
        }
        return socket;
    }

    private static void SleepUntil(long timestamp)
    {
        var remaining = timestamp - Stopwatch.GetTimestamp();
        if (remaining > 0)
        {
            Thread.Sleep(TimeSpan.FromSeconds(remaining / (double)Stopwatch.Frequency));
        }
    }
}
