using System.Globalization;

namespace ContactCenter.Interop.Tests.Peers;

/// <summary>Whether some process has bound a local port yet, read from <c>/proc/net/{tcp,udp}</c> (Linux) without
/// touching the socket: a probe connection would look like a call attempt to the peer.</summary>
internal static class ListeningSockets
{
    private const string TcpListen = "0A";

    public static bool IsTcpListening(int port) => Bound("/proc/net/tcp", port, TcpListen) || Bound("/proc/net/tcp6", port, TcpListen);

    public static bool IsUdpBound(int port) => Bound("/proc/net/udp", port, null) || Bound("/proc/net/udp6", port, null);

    private static bool Bound(string table, int port, string? state)
    {
        if (!File.Exists(table))
        {
            return false;
        }
        // "  sl  local_address rem_address   st ...": local_address is HEXIP:HEXPORT.
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4)
            {
                continue;
            }
            var local = fields[1];
            var colon = local.LastIndexOf(':');
            if (colon > 0 && int.TryParse(local.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var boundPort)
                && boundPort == port && (state is null || fields[3] == state))
            {
                return true;
            }
        }
        return false;
    }
}
