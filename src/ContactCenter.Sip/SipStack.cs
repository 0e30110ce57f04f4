using ContactCenter.Sip.Registration;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip;

/// <summary>A whole SIP element wired together: transports (<see cref="SipTransportLayer"/>), the receiver, the
/// transaction layer and the UA core (<see cref="SipUserAgent"/>) serving an <see cref="ISipCallHandler"/>.</summary>
public sealed class SipStack : IAsyncDisposable
{
    private SipStack(SipTransportLayer transport, SipUserAgent userAgent, SipReceiver receiver)
    {
        Transport = transport;
        UserAgent = userAgent;
        Receiver = receiver;
    }

    /// <summary>The transports.</summary>
    public SipTransportLayer Transport { get; }

    /// <summary>The UA core (and through it the transaction layer).</summary>
    public SipUserAgent UserAgent { get; }

    /// <summary>Where the transports hand received bytes.</summary>
    public SipReceiver Receiver { get; }

    /// <summary>Builds the stack and binds its transports; throws when a port cannot be bound. With
    /// <paramref name="registrar"/> the stack serves REGISTER (the caller owns and disposes the registrar).</summary>
    public static SipStack Start(
        SipTransportOptions transportOptions,
        ISipCallHandler handler,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        SipMetrics metrics,
        SipUserAgentOptions? userAgentOptions = null,
        SipTransactionOptions? transactionOptions = null,
        SipRegistrar? registrar = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var transport = new SipTransportLayer(transportOptions, time, metrics, loggerFactory.CreateLogger<SipTransportLayer>());
        // Via and Contact carry the advertised host (the bound one may be a wildcard); the port is the bound one.
        Func<SipTransportKind, SipEndPoint?> localEndPoint = transportOptions.AdvertisedAddress is { } advertised
            ? kind => transport.GetLocalEndPoint(kind) is { } local ? local with { Host = advertised } : null
            : transport.GetLocalEndPoint;
        var userAgent = new SipUserAgent(transport, localEndPoint, handler, time, metrics, loggerFactory.CreateLogger<SipUserAgent>(), userAgentOptions, transactionOptions, registrar);
        var receiver = new SipReceiver(userAgent.Transactions, transport, metrics, loggerFactory.CreateLogger<SipReceiver>(), transportOptions.Parser);
        transport.Start(receiver);
        return new SipStack(transport, userAgent, receiver);
    }

    /// <summary>The bound address of a transport; throws when it is disabled.</summary>
    public SipEndPoint LocalEndPoint(SipTransportKind transport) =>
        Transport.GetLocalEndPoint(transport) ?? throw new InvalidOperationException($"SIP over {transport} is not enabled");

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Transport.DisposeAsync();
}
