using System.Net;
using System.Net.Security;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Transport;

/// <summary>Where the SIP transports listen and how they treat connections (<c>SipTransportOptions</c>). A null port
/// disables that transport; port 0 picks a free one (tests). The TLS certificate comes from a PKCS#12 file
/// (<see cref="TlsCertificatePath"/> + <see cref="TlsCertificatePassword"/>) or from PEM files
/// (<see cref="TlsCertificatePemPath"/> + <see cref="TlsPrivateKeyPemPath"/>).</summary>
public sealed class SipTransportOptions
{
    /// <summary>The address every listener binds to. Default <c>127.0.0.1</c> (production binds are configuration).</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>The host our Via and Contact headers carry in place of the bound address (which may be a wildcard such
    /// as <c>0.0.0.0</c> that no peer can send to). Default null: the bound address.</summary>
    public string? AdvertisedAddress { get; init; }

    /// <summary>The UDP port; null disables UDP. Default 5060.</summary>
    public int? UdpPort { get; init; } = 5060;

    /// <summary>The TCP port; null disables TCP. Default 5060.</summary>
    public int? TcpPort { get; init; } = 5060;

    /// <summary>The TLS port; null disables TLS. Default null (TLS needs a certificate).</summary>
    public int? TlsPort { get; init; }

    /// <summary>A PKCS#12 (.pfx/.p12) file with the TLS server certificate and key. Default null.</summary>
    public string? TlsCertificatePath { get; init; }

    /// <summary>The password of <see cref="TlsCertificatePath"/>; never logged. Default null.</summary>
    public string? TlsCertificatePassword { get; init; }

    /// <summary>A PEM file with the TLS server certificate (chain). Default null.</summary>
    public string? TlsCertificatePemPath { get; init; }

    /// <summary>A PEM file with the private key of <see cref="TlsCertificatePemPath"/>. Default null.</summary>
    public string? TlsPrivateKeyPemPath { get; init; }

    /// <summary>Checks the certificate of a TLS peer we connect to; null applies the platform's chain and name checks.
    /// Default null.</summary>
    public RemoteCertificateValidationCallback? TlsRemoteCertificateValidation { get; init; }

    /// <summary>A TCP/TLS connection with no traffic either way for this long is closed. Default 10 minutes.</summary>
    public TimeSpan ConnectionIdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often idle connections are looked for. Default 30 s.</summary>
    public TimeSpan IdleSweepInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long connecting (and the TLS handshake) may take. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Open connections per stream transport; further accepted connections are closed at once. Default 10,000.</summary>
    public int MaxConnections { get; init; } = 10_000;

    /// <summary>Messages queued for sending on one connection before sends fail (bounds memory for a stuck peer).
    /// Default 1,000.</summary>
    public int MaxQueuedMessagesPerConnection { get; init; } = 1_000;

    /// <summary>A request meant for UDP that serializes to more than this many bytes goes over TCP instead when TCP is
    /// enabled (RFC 3261 §18.1.1; the simple configured threshold rather than path MTU − 200). Default 1,300.</summary>
    public int UdpRequestSizeThreshold { get; init; } = 1_300;

    /// <summary>Size limits for framing streams (the receiver applies its own to parsing). Default <see cref="SipParserOptions.Default"/>.</summary>
    public SipParserOptions Parser { get; init; } = SipParserOptions.Default;

    /// <summary>Whether a certificate source is configured.</summary>
    public bool HasTlsCertificate => TlsCertificatePath is not null || (TlsCertificatePemPath is not null && TlsPrivateKeyPemPath is not null);

    /// <summary>Fails fast on a configuration the transports cannot run with.</summary>
    public void Validate()
    {
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            throw new ArgumentException($"SIP bind address '{BindAddress}' is not an IP address");
        }
        if (AdvertisedAddress is not null && !IPAddress.TryParse(AdvertisedAddress, out _))
        {
            throw new ArgumentException($"SIP advertised address '{AdvertisedAddress}' is not an IP address");
        }
        foreach (var port in new[] { UdpPort, TcpPort, TlsPort })
        {
            if (port is < 0 or > 65535)
            {
                throw new ArgumentException($"SIP port {port} is outside 0-65535");
            }
        }
        if (TlsPort is not null && !HasTlsCertificate)
        {
            throw new ArgumentException("SIP over TLS needs a certificate: TlsCertificatePath (PKCS#12) or TlsCertificatePemPath + TlsPrivateKeyPemPath");
        }
        if (ConnectionIdleTimeout <= TimeSpan.Zero || IdleSweepInterval <= TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("SIP connection timeouts and the idle sweep interval must be positive");
        }
        if (UdpRequestSizeThreshold < 1)
        {
            throw new ArgumentException("SIP UdpRequestSizeThreshold must be at least 1");
        }
        if (MaxConnections < 1 || MaxQueuedMessagesPerConnection < 1)
        {
            throw new ArgumentException("SIP MaxConnections and MaxQueuedMessagesPerConnection must be at least 1");
        }
        Parser.Validate();
    }
}
