using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Interop.Tests.Peers;

/// <summary>Free loopback ports for peers that need a port number up front (sipp <c>-p</c>, baresip
/// <c>sip_listen</c>). The port is released before the peer binds it, so another process could take it in between;
/// ports come from the kernel's ephemeral range, which makes that unlikely.</summary>
internal static class FreePorts
{
    /// <summary>A port free for UDP and TCP at once, and (with <paramref name="andNext"/>) the next one too (baresip
    /// listens for TLS on its SIP port + 1).</summary>
    public static int UdpAndTcp(bool andNext = false)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            if (port < 65535 && IsUdpFree(port) && (!andNext || (IsUdpFree(port + 1) && IsTcpFree(port + 1))))
            {
                return port;
            }
        }
        throw new InvalidOperationException("no free loopback port for UDP and TCP after 50 attempts");
    }

    /// <summary>A port free for TCP (a control socket).</summary>
    public static int Tcp()
    {
        using var tcp = new TcpListener(IPAddress.Loopback, 0);
        tcp.Start();
        return ((IPEndPoint)tcp.LocalEndpoint).Port;
    }

    private static bool IsUdpFree(int port)
    {
        try
        {
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool IsTcpFree(int port)
    {
        try
        {
            using var tcp = new TcpListener(IPAddress.Loopback, port);
            tcp.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
