using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ContactCenter.Contracts.Validation;

namespace ContactCenter.Contracts.Configuration;

public static partial class DocumentValidator
{
    /// <summary>The longest SIP user name, trunk authentication user name or trunk password.</summary>
    public const int SipCredentialLength = 128;

    /// <summary>Validates a SIP trunk: a host name or IP literal, a port, known transport, allowed sources that are IP
    /// addresses or CIDR blocks, and a caller id, dial prefix and authentication user that fit in SIP headers.</summary>
    public static FieldErrors Validate(Trunk trunk)
    {
        ArgumentNullException.ThrowIfNull(trunk);
        var errors = Header(trunk.Id, trunk.Version, trunk.Name);
        errors.Text(trunk.Host, "host", 253);
        if (!string.IsNullOrWhiteSpace(trunk.Host))
        {
            errors.Require(Uri.CheckHostName(trunk.Host) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6,
                "host", "must be a host name or an IPv4 or IPv6 address");
        }
        errors.Range(trunk.Port, 1, 65535, "port");
        errors.Require(Enum.IsDefined(trunk.Transport), "transport", "is not a known transport");

        var sources = Defaulted(trunk.AllowedSources);
        for (var i = 0; i < sources.Length; i++)
        {
            errors.Require(IsAddressOrNetwork(sources[i]), $"allowedSources[{i}]",
                "must be an IPv4 or IPv6 address or a CIDR block (such as 192.0.2.0/24) without host bits");
        }
        errors.Distinct(sources, s => s, "allowedSources", "source");

        if (trunk.OutboundCallerId is not null)
        {
            errors.PhoneNumber(trunk.OutboundCallerId, "outboundCallerId");
        }
        if (trunk.DialPrefix is not null)
        {
            errors.Require(DialPrefixPattern().IsMatch(trunk.DialPrefix), "dialPrefix", "must be 1-20 digits");
        }
        if (trunk.AuthUsername is not null)
        {
            HeaderText(errors, trunk.AuthUsername, "authUsername");
        }
        if (trunk.AuthPassword is not null)
        {
            // Never echo the value: field errors reach responses and audit entries.
            errors.Require(trunk.AuthPassword.Length is > 0 and <= SipCredentialLength && !trunk.AuthPassword.Any(char.IsControl),
                "authPassword", $"must have 1 to {SipCredentialLength} characters and no control characters");
        }
        return errors.Build();
    }

    /// <summary>Validates a dialled number's routing: the id is the number itself, the target a known kind with an id,
    /// the trunks distinct ids and the priority boost 0-<see cref="InboundNumber.MaxPriority"/>.</summary>
    public static FieldErrors Validate(InboundNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var errors = new FieldErrorsBuilder();
        errors.PhoneNumber(number.Id, "id");
        errors.Version(number.Version);
        errors.Text(number.Name, "name", NameLength);
        errors.Require(Enum.IsDefined(number.Target), "target", "is not a known target kind");
        errors.Id(number.TargetId, "targetId");
        var trunks = Defaulted(number.TrunkIds);
        for (var i = 0; i < trunks.Length; i++)
        {
            errors.Id(trunks[i], $"trunkIds[{i}]");
        }
        errors.Distinct(trunks, t => t, "trunkIds", "trunk");
        errors.Range(number.Priority, 0, InboundNumber.MaxPriority, "priority");
        return errors.Build();
    }

    // IPAddress parsing takes shorthand IPv4 ("10", "127.1") as whole addresses; a trust list must say what it means.
    private static bool IsAddressOrNetwork(string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            return false;
        }
        var slash = source.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? source : source[..slash];
        if (!IPAddress.TryParse(address, out var parsed)
            || (parsed.AddressFamily == AddressFamily.InterNetwork && address.Count(c => c == '.') != 3))
        {
            return false;
        }
        // A block written with host bits set ("10.0.0.1/8") is most likely a typo for an address or a narrower block.
        return slash < 0 || (IPNetwork.TryParse(source, out var network) && network.BaseAddress.Equals(parsed));
    }

    // Values that go into quoted strings of SIP headers (RFC 3261 §25.1): no quotes, backslashes or control characters.
    private static void HeaderText(FieldErrorsBuilder errors, string value, string field)
    {
        errors.Text(value, field, SipCredentialLength);
        errors.Require(!value.Any(c => c is '"' or '\\' || char.IsControl(c)), field,
            "must not contain quotes, backslashes or control characters");
    }

    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex DialPrefixPattern();
}
