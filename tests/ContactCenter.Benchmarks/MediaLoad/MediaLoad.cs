// Media load benchmark: `dotnet run -c Release --project tests/ContactCenter.Benchmarks -- media-load <server|generate> ...`,
// normally started by ops/load/media-bridge.sh, which runs the two as separate processes.
//
// server    Creates N calls in a MediaEngine on loopback: two legs each, bridged (relay, same law), optionally recorded
//           (--record DIR), or with --play WAV one unbridged leg per stream playing the prompt in a loop. Writes the
//           legs' RTP ports to --ports-file, then runs until SIGTERM/SIGINT, when it finalises recordings and exits.
// generate  The load generator (a separate process, so its CPU is not the server's): for every call sends 20 ms G.711
//           packets to both legs on a monotonic 20 ms grid (all sends of a tick in one batch) and receives the relayed
//           streams, counting loss and order; or, with --mode listen, latches every prompt leg and times the packets it
//           sends. Over a steady window it reads the server's CPU from /proc/<pid>/schedstat and /proc/<pid>/stat, UDP
//           receive-buffer errors from /proc/net/snmp and per-socket drops from /proc/net/udp, and prints a RESULT line.
namespace ContactCenter.Benchmarks.MediaLoad;

public static class MediaLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new LoadArgs(args.Length > 1 ? args[1..] : []);
        switch (args.FirstOrDefault())
        {
            case "server":
                return await LoadServer.RunAsync(options);
            case "generate":
                return LoadGenerator.Run(options);
            default:
                await Console.Error.WriteLineAsync(
                    "usage: media-load server --calls N --ports-file F [--record DIR] [--play WAV] [--port-start P]\n" +
                    "       media-load generate --ports-file F --server-pid PID [--mode bridge|listen] [--warmup S] [--seconds S]\n" +
                    "                           [--sockets N] [--receive poll|block] [--loss P] [--reorder P]");
                return 2;
        }
    }
}
