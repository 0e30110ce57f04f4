using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Drills;

/// <summary>Picks TCP ports on loopback that are free now, so that tests can run hosts side by side.</summary>
public static class FreePorts
{
    /// <summary><paramref name="count"/> distinct ports: all are held at once while the OS picks them.</summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
