using System.Net;
using System.Net.Sockets;

namespace ContactCenter.TestSupport;

/// <summary>Loopback ports for processes that need a port number before they bind it (a host's <c>--silo-port</c>,
/// sipp's <c>-p</c>, baresip's <c>sip_listen</c>).</summary>
/// <remarks>The port is free when it is picked and released before the other process binds it. It must therefore not
/// come from the kernel's ephemeral range (<c>/proc/sys/net/ipv4/ip_local_port_range</c>, 32768–60999 on Linux): every
/// outgoing connection — to PostgreSQL, between silos, through a drill's relays — takes its local port from there and
/// can take the picked one in between. Ports come from 10000–19999 instead (below the host's default RTP range),
/// walking on from a random start so that processes side by side rarely meet, and this process never hands out the
/// same port twice until the range wraps. Handed-out ports are <see cref="Spacing"/> apart, because peers also listen
/// next to the port they are given (baresip: TLS on its SIP port + 1), and such a neighbour must not be handed out as
/// another peer's port.</remarks>
public static class LoopbackPorts
{
    private const int First = 10000;
    private const int Count = 10000;
    private const int Spacing = 4;
    private static readonly Lock Gate = new();
    private static int _next = Random.Shared.Next(Count);

    /// <summary><paramref name="count"/> distinct ports, each free for TCP.</summary>
    public static int[] Tcp(int count) => [.. Enumerable.Range(0, count).Select(_ => Take(port => IsTcpFree(port)))];

    /// <summary>A port free for TCP (a control socket).</summary>
    public static int Tcp() => Take(port => IsTcpFree(port));

    /// <summary>A port free for UDP and TCP at once and, with <paramref name="andNext"/>, the next one too (baresip
    /// listens for TLS on its SIP port + 1).</summary>
    public static int UdpAndTcp(bool andNext = false) =>
        Take(port => IsTcpFree(port) && IsUdpFree(port) && (!andNext || (IsTcpFree(port + 1) && IsUdpFree(port + 1))));

    private static int Take(Func<int, bool> isFree)
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < Count; attempt++)
            {
                var port = First + (_next % Count);
                _next = (_next + 1) % Count;
                if (port + Spacing <= First + Count && isFree(port))
                {
                    _next = (_next + Spacing - 1) % Count;
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"no free loopback port in {First}-{First + Count - 1}");
    }

    private static bool IsTcpFree(int port)
    {
        try
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool IsUdpFree(int port)
    {
        try
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
