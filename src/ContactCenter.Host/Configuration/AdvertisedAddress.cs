using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace ContactCenter.Host.Configuration;

/// <summary>The IP address the sip role advertises (SDP connection address, Contact and Via hosts): never a wildcard,
/// because a peer cannot send to 0.0.0.0 or ::.</summary>
/// <param name="Address">The address.</param>
/// <param name="Interface">The interface it was taken from when the bind address was a wildcard and no
/// <c>--advertise</c> was given; null when it was configured or is the bind address.</param>
internal sealed record AdvertisedAddress(IPAddress Address, string? Interface)
{
    /// <summary>Whether <paramref name="address"/> is a wildcard (<c>0.0.0.0</c>, <c>::</c>).</summary>
    public static bool IsWildcard(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
    }

    /// <summary>The configured <see cref="NodeOptions.Advertise"/>; else the bind address when it is concrete; else the
    /// first up, non-loopback IPv4 address of <paramref name="interfaces"/>. Throws
    /// <see cref="NodeConfigurationException"/> when the bind address is a wildcard and no interface has one.</summary>
    public static AdvertisedAddress Resolve(NodeOptions node, IEnumerable<InterfaceAddress> interfaces)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(interfaces);
        if (node.Advertise is { Length: > 0 } configured)
        {
            return new AdvertisedAddress(IPAddress.Parse(configured), null);
        }
        var bind = IPAddress.Parse(node.Bind);
        if (!IsWildcard(bind))
        {
            return new AdvertisedAddress(bind, null);
        }
        var chosen = interfaces.FirstOrDefault(i => i.Up && !i.Loopback && i.Address.AddressFamily == AddressFamily.InterNetwork
            && !IPAddress.IsLoopback(i.Address) && !IsWildcard(i.Address));
        return chosen is null
            ? throw new NodeConfigurationException(
                $"--bind {node.Bind} listens on every interface, but no interface has an up, non-loopback IPv4 address to advertise in SDP and SIP headers; give one with --advertise (Node:Advertise)")
            : new AdvertisedAddress(chosen.Address, chosen.Interface);
    }

    /// <summary>The machine's interface addresses, in the order the system lists them.</summary>
    public static IReadOnlyList<InterfaceAddress> ReadInterfaces() =>
    [
        .. NetworkInterface.GetAllNetworkInterfaces().SelectMany(nic => nic.GetIPProperties().UnicastAddresses.Select(unicast =>
            new InterfaceAddress(nic.Name, nic.OperationalStatus == OperationalStatus.Up,
                nic.NetworkInterfaceType == NetworkInterfaceType.Loopback, unicast.Address))),
    ];
}
