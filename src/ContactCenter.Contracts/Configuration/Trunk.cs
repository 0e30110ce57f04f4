using System.Collections.Immutable;
using System.Text;

namespace ContactCenter.Contracts.Configuration;

/// <summary>A SIP trunk: the carrier or PBX peer calls arrive from and, when <see cref="Outbound"/>, agents' external
/// calls leave through. The secret answering the carrier's digest challenge (<see cref="AuthPassword"/>) is set through
/// its own endpoint, never with the rest of the trunk, and never printed: <see cref="ToString"/> leaves it out.</summary>
public sealed record Trunk
{
    /// <summary>The default of <see cref="Port"/>.</summary>
    public const int DefaultPort = 5060;

    /// <summary>Document id.</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>The peer: a host name or an IPv4/IPv6 literal.</summary>
    public required string Host { get; init; }

    /// <summary>The peer's port, 1-65535; default <see cref="DefaultPort"/>.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The transport to the peer; default UDP.</summary>
    public SipTransportKind Transport { get; init; } = SipTransportKind.Udp;

    /// <summary>The addresses (IPv4/IPv6) and CIDR blocks INVITEs on this trunk are trusted from; empty = none.</summary>
    public ImmutableArray<string> AllowedSources { get; init; } = [];

    /// <summary>Whether calls from the trunk are accepted; default true.</summary>
    public bool Inbound { get; init; } = true;

    /// <summary>Whether agents' external calls may leave through the trunk; default false.</summary>
    public bool Outbound { get; init; }

    /// <summary>Outbound trunks are tried in this order, lower first (then by id).</summary>
    public int Order { get; init; }

    /// <summary>The number presented on outbound calls (an optional '+' and 3-20 digits); null = the carrier's default.</summary>
    public string? OutboundCallerId { get; init; }

    /// <summary>Digits prepended to dialled numbers on outbound calls; null = none.</summary>
    public string? DialPrefix { get; init; }

    /// <summary>The user name for registering with the carrier and answering its digest challenges; null = the carrier
    /// does not authenticate us.</summary>
    public string? AuthUsername { get; init; }

    /// <summary>The digest secret towards the carrier, stored as given: the front end needs the plain password to
    /// answer a challenge in whatever realm and algorithm the carrier picks, so it cannot be hashed. Set only with
    /// <c>PUT /api/v1/trunks/{id}/password</c>; never returned by the API, audited or logged.</summary>
    public string? AuthPassword { get; init; }

    // Records print every member; a trunk in a log line or an exception message must not carry its secret.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id)
            .Append(", Version = ").Append(Version)
            .Append(", Name = ").Append(Name)
            .Append(", Host = ").Append(Host)
            .Append(", Port = ").Append(Port)
            .Append(", Transport = ").Append(Transport)
            .Append(", AllowedSources = [").AppendJoin(", ", AllowedSources.IsDefault ? [] : AllowedSources).Append(']')
            .Append(", Inbound = ").Append(Inbound)
            .Append(", Outbound = ").Append(Outbound)
            .Append(", Order = ").Append(Order)
            .Append(", OutboundCallerId = ").Append(OutboundCallerId)
            .Append(", DialPrefix = ").Append(DialPrefix)
            .Append(", AuthUsername = ").Append(AuthUsername)
            .Append(", AuthPassword = ").Append(AuthPassword is null ? "null" : "(hidden)");
        return true;
    }
}
