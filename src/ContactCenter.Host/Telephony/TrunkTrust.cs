using System.Net;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Host.Telephony;

/// <summary>Which trunk an INVITE's source address belongs to: the first inbound trunk (by id) one of whose
/// <see cref="Trunk.AllowedSources"/> (an address or a CIDR block) contains it.</summary>
internal static class TrunkTrust
{
    public static Trunk? FindTrunk(IEnumerable<Trunk> trunks, IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(trunks);
        ArgumentNullException.ThrowIfNull(source);
        var address = source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source;
        return trunks.Where(t => t.Inbound && !t.AllowedSources.IsDefault)
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .FirstOrDefault(t => t.AllowedSources.Any(allowed => Contains(allowed, address)));
    }

    /// <summary>Whether <paramref name="allowed"/> (<c>192.0.2.7</c>, <c>192.0.2.0/24</c>, <c>2001:db8::/32</c>)
    /// contains <paramref name="address"/>; an entry that parses as neither contains nothing.</summary>
    public static bool Contains(string allowed, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (allowed.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(allowed, out var network) && network.Contains(address);
        }
        return IPAddress.TryParse(allowed, out var single) && single.Equals(address);
    }
}
