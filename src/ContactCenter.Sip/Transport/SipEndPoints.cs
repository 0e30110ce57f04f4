using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Transport;

/// <summary>Converts between socket addresses and <see cref="SipEndPoint"/> (IPv6 hosts in brackets, as in Via).</summary>
internal static class SipEndPoints
{
    public static SipEndPoint From(SipTransportKind transport, IPEndPoint endPoint)
    {
        var address = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        var host = address.AddressFamily == AddressFamily.InterNetworkV6
            ? string.Create(CultureInfo.InvariantCulture, $"[{address}]")
            : address.ToString();
        return new SipEndPoint(transport, host, endPoint.Port);
    }

    /// <summary>The socket address of an endpoint whose host is an IP literal; false for a name (no DNS here: the
    /// caller resolves names, RFC 3263).</summary>
    public static bool TryGetIPEndPoint(SipEndPoint endPoint, [NotNullWhen(true)] out IPEndPoint? result)
    {
        var host = endPoint.Host.AsSpan();
        if (host.Length > 1 && host[0] == '[' && host[^1] == ']')
        {
            host = host[1..^1];
        }
        if (IPAddress.TryParse(host, out var address) && endPoint.Port is > 0 and <= 65535)
        {
            result = new IPEndPoint(address, endPoint.Port);
            return true;
        }
        result = null;
        return false;
    }
}
