using System.Net;
using System.Security.Cryptography.X509Certificates;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip.Transport;

/// <summary>UDP, TCP and TLS behind the one <see cref="ISipTransport"/> the transaction layer sends through (RFC 3261
/// §18). Build it, build the transaction layer and <see cref="SipReceiver"/> on it, then <see cref="Start"/> it with
/// the receiver. Receive loops never throw: malformed input and socket failures are logged, counted and survived.</summary>
public sealed partial class SipTransportLayer : ISipTransport, IAsyncDisposable
{
    private readonly SipTransportOptions _options;
    private readonly TimeProvider _time;
    private readonly SipMetrics _metrics;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private SipUdpChannel? _udp;
    private SipStreamChannel? _tcp;
    private SipStreamChannel? _tls;
    private X509Certificate2? _certificate;

    /// <summary>Creates the layer; nothing is bound until <see cref="Start"/>.</summary>
    public SipTransportLayer(SipTransportOptions options, TimeProvider time, SipMetrics metrics, ILogger<SipTransportLayer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Open TCP plus TLS connections.</summary>
    public int ConnectionCount => (_tcp?.ConnectionCount ?? 0) + (_tls?.ConnectionCount ?? 0);

    /// <summary>Binds every enabled transport and starts receiving into <paramref name="receiver"/>. Throws when a
    /// port cannot be bound or the certificate cannot be loaded (a start-up failure, not a runtime one).</summary>
    public void Start(SipReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (_udp is not null || _tcp is not null || _tls is not null)
        {
            throw new InvalidOperationException("the SIP transport layer is already started");
        }
        var address = IPAddress.Parse(_options.BindAddress);
        try
        {
            if (_options.UdpPort is { } udpPort)
            {
                _udp = new SipUdpChannel(new IPEndPoint(address, udpPort), _metrics, _logger);
            }
            if (_options.TcpPort is { } tcpPort)
            {
                _tcp = new SipStreamChannel(SipTransportKind.Tcp, new IPEndPoint(address, tcpPort), _options, null, _time, _metrics, _logger);
            }
            if (_options.TlsPort is { } tlsPort)
            {
                _certificate = SipTlsCertificates.Load(_options);
                _tls = new SipStreamChannel(SipTransportKind.Tls, new IPEndPoint(address, tlsPort), _options, _certificate, _time, _metrics, _logger);
            }
        }
        catch
        {
            _udp?.Dispose();
            _ = _tcp?.DisposeAsync();
            _certificate?.Dispose();
            throw;
        }
        _udp?.Start(receiver, _stopping.Token);
        _tcp?.Start(receiver, _stopping.Token);
        _tls?.Start(receiver, _stopping.Token);
        foreach (var kind in Enum.GetValues<SipTransportKind>())
        {
            if (GetLocalEndPoint(kind) is { } local)
            {
                LogListening(_logger, local);
            }
        }
    }

    /// <summary>The bound address of a transport (with the port actually chosen); null when it is disabled or not started.</summary>
    public SipEndPoint? GetLocalEndPoint(SipTransportKind transport) => transport switch
    {
        SipTransportKind.Udp => _udp?.LocalEndPoint,
        SipTransportKind.Tcp => _tcp?.LocalEndPoint,
        _ => _tls?.LocalEndPoint,
    };

    /// <inheritdoc/>
    public bool TrySend(SipMessage message, SipEndPoint destination) => TrySend(message, destination, null);

    /// <inheritdoc/>
    public bool TrySend(SipMessage message, SipEndPoint destination, Action? onFailure)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(destination);
        try
        {
            return destination.Transport switch
            {
                SipTransportKind.Udp => _udp?.Send(message, destination) ?? false,
                SipTransportKind.Tcp => _tcp?.Send(message, destination, onFailure) ?? false,
                _ => _tls?.Send(message, destination, onFailure) ?? false,
            };
        }
        catch (Exception exception)
        {
            _metrics.TransportErrors.Add(1, new("transport", destination.Transport.ToString().ToLowerInvariant()), new("reason", "send"));
            LogSendFailed(_logger, destination, exception);
            return false;
        }
    }

    /// <summary>RFC 3261 §18.1.1: a request meant for UDP that is larger than
    /// <see cref="SipTransportOptions.UdpRequestSizeThreshold"/> goes over TCP when TCP is enabled, with the top Via's
    /// transport (and sent-by port) rewritten and the branch kept. A request whose top Via already names TCP (a CANCEL
    /// copied from a switched INVITE, §9.1) follows it. Responses are never switched (§18.2.2).</summary>
    public SipEndPoint PrepareRequest(SipRequest request, SipEndPoint destination)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Transport != SipTransportKind.Udp || _tcp is null || request.TopVia is not { } via)
        {
            return destination;
        }
        var tcpDestination = destination with { Transport = SipTransportKind.Tcp };
        if (string.Equals(via.Transport, "TCP", StringComparison.OrdinalIgnoreCase))
        {
            return tcpDestination;
        }
        var size = SipMessageSerializer.Serialize(request).Length;
        if (size <= _options.UdpRequestSizeThreshold || !string.Equals(via.Transport, "UDP", StringComparison.OrdinalIgnoreCase))
        {
            return destination;
        }
        var index = IndexOfTopVia(request.Headers);
        if (index < 0 || !ViaHeader.TryParse(request.Headers[index].Value, out _))
        {
            // The top Via line holds several values: we did not build it, so leave the request as it is.
            return destination;
        }
        // The sent-by port names our UDP listener; over TCP it must name the TCP one (§18.2.2 fallback for responses).
        var port = via.Port is { } sentBy && sentBy == _udp?.LocalEndPoint.Port ? _tcp.LocalEndPoint.Port : via.Port;
        request.Headers.SetAt(index, new ViaHeader("TCP", via.Host, port, via.Parameters, via.Protocol).ToString());
        LogSwitchedToTcp(_logger, request.Method, size, tcpDestination);
        return tcpDestination;
    }

    /// <summary>Stops the loops, closes every socket and connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _udp?.Dispose();
        if (_udp is not null)
        {
            await _udp.Loop;
        }
        if (_tcp is not null)
        {
            await _tcp.DisposeAsync();
        }
        if (_tls is not null)
        {
            await _tls.DisposeAsync();
        }
        _certificate?.Dispose();
        _stopping.Dispose();
    }

    private static int IndexOfTopVia(SipHeaderCollection headers)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i].Name, SipHeaderNames.Via, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    [LoggerMessage(5070, LogLevel.Debug, "SIP: {Method} of {Size} bytes goes over TCP to {Destination} instead of UDP (RFC 3261 §18.1.1)")]
    private static partial void LogSwitchedToTcp(ILogger logger, string method, int size, SipEndPoint destination);

    [LoggerMessage(5023, LogLevel.Information, "SIP: listening on {LocalEndPoint}")]
    private static partial void LogListening(ILogger logger, SipEndPoint localEndPoint);

    [LoggerMessage(5024, LogLevel.Error, "SIP: sending to {Destination} failed")]
    private static partial void LogSendFailed(ILogger logger, SipEndPoint destination, Exception exception);
}
