using System.Diagnostics.Metrics;

namespace ContactCenter.Sip.Transport;

/// <summary>The SIP stack's instruments (meter <c>ContactCenter.Sip</c>).</summary>
public sealed class SipMetrics : IDisposable
{
    /// <summary>The meter name to listen to.</summary>
    public const string MeterName = "ContactCenter.Sip";

    private readonly Meter _meter;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on a private meter.</summary>
    public SipMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        MessagesReceived = _meter.CreateCounter<long>("sip.messages.received", description: "Messages that parsed, by kind (request/response)");
        MalformedMessages = _meter.CreateCounter<long>("sip.messages.malformed", description: "Messages that did not parse, by error; answered or dropped");
        ErrorResponses = _meter.CreateCounter<long>("sip.messages.error_responses", description: "400/505 responses sent to malformed requests");
        DiscardedResponses = _meter.CreateCounter<long>("sip.messages.discarded_responses", description: "Responses discarded because they carried more than one Via (RFC 3261 §18.1.2)");
        HandlerFailures = _meter.CreateCounter<long>("sip.handler_failures", description: "Exceptions thrown by the transaction layer or its user while handling a message");
        TransportErrors = _meter.CreateCounter<long>("sip.transport.errors", description: "Socket, TLS and framing failures, by transport and reason; the stack keeps running");
        KeepAlivePings = _meter.CreateCounter<long>("sip.transport.keepalive_pings", description: "CRLF keep-alive pings answered with a pong (RFC 5626 §3.5.1)");
        Connections = _meter.CreateUpDownCounter<long>("sip.transport.connections", description: "Open TCP/TLS connections, by transport");
        OverloadRejections = _meter.CreateCounter<long>("sip.overload_rejections", description: "INVITEs answered 503 because the concurrent call limit was reached");
    }

    /// <summary>Messages that parsed.</summary>
    public Counter<long> MessagesReceived { get; }

    /// <summary>Messages that did not parse.</summary>
    public Counter<long> MalformedMessages { get; }

    /// <summary>Error responses sent for malformed requests.</summary>
    public Counter<long> ErrorResponses { get; }

    /// <summary>Responses with extra Via values.</summary>
    public Counter<long> DiscardedResponses { get; }

    /// <summary>Exceptions caught at the transport boundary.</summary>
    public Counter<long> HandlerFailures { get; }

    /// <summary>Transport failures (socket, TLS handshake, framing, send queue full).</summary>
    public Counter<long> TransportErrors { get; }

    /// <summary>Keep-alive pings answered.</summary>
    public Counter<long> KeepAlivePings { get; }

    /// <summary>Open stream connections.</summary>
    public UpDownCounter<long> Connections { get; }

    /// <summary>INVITEs refused with 503 for overload.</summary>
    public Counter<long> OverloadRejections { get; }

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
