using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Web.Apis;

/// <summary>A SIP trunk as the API shows and takes it: everything but the digest secret, plus whether the trunk has
/// one. The secret is set with <c>PUT /trunks/{id}/password</c>, never with the trunk, so no trunk body, audit entry or
/// log line carries it.</summary>
public sealed record TrunkResource
{
    /// <summary>Document id.</summary>
    public required string Id { get; init; }

    /// <summary>The trunk's version (its ETag).</summary>
    public long Version { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>The peer: a host name or an IPv4/IPv6 literal.</summary>
    public required string Host { get; init; }

    /// <summary>The peer's port, 1-65535; default 5060.</summary>
    public int Port { get; init; } = Trunk.DefaultPort;

    /// <summary>The transport to the peer; default UDP.</summary>
    public SipTransportKind Transport { get; init; } = SipTransportKind.Udp;

    /// <summary>The addresses and CIDR blocks INVITEs on this trunk are trusted from.</summary>
    public ImmutableArray<string> AllowedSources { get; init; } = [];

    /// <summary>Whether calls from the trunk are accepted; default true.</summary>
    public bool Inbound { get; init; } = true;

    /// <summary>Whether agents' external calls may leave through the trunk.</summary>
    public bool Outbound { get; init; }

    /// <summary>Outbound trunks are tried in this order, lower first.</summary>
    public int Order { get; init; }

    /// <summary>The number presented on outbound calls; null = the carrier's default.</summary>
    public string? OutboundCallerId { get; init; }

    /// <summary>Digits prepended to dialled numbers on outbound calls.</summary>
    public string? DialPrefix { get; init; }

    /// <summary>The user name for registering with the carrier and answering its challenges.</summary>
    public string? AuthUsername { get; init; }

    /// <summary>Whether the trunk has a digest secret (read-only: ignored when written).</summary>
    public bool HasAuthPassword { get; init; }

    internal static TrunkResource From(Trunk trunk) => new()
    {
        Id = trunk.Id,
        Version = trunk.Version,
        Name = trunk.Name,
        Host = trunk.Host,
        Port = trunk.Port,
        Transport = trunk.Transport,
        AllowedSources = trunk.AllowedSources.IsDefault ? [] : trunk.AllowedSources,
        Inbound = trunk.Inbound,
        Outbound = trunk.Outbound,
        Order = trunk.Order,
        OutboundCallerId = trunk.OutboundCallerId,
        DialPrefix = trunk.DialPrefix,
        AuthUsername = trunk.AuthUsername,
        HasAuthPassword = trunk.AuthPassword is not null,
    };

    /// <summary>The trunk this resource describes, keeping <paramref name="authPassword"/> (the stored one).</summary>
    internal Trunk ToTrunk(string? authPassword) => new()
    {
        Id = Id,
        Version = Version,
        Name = Name,
        Host = Host,
        Port = Port,
        Transport = Transport,
        AllowedSources = AllowedSources.IsDefault ? [] : AllowedSources,
        Inbound = Inbound,
        Outbound = Outbound,
        Order = Order,
        OutboundCallerId = OutboundCallerId,
        DialPrefix = DialPrefix,
        AuthUsername = AuthUsername,
        AuthPassword = authPassword,
    };
}
