using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip.Transport;

/// <summary>Where every transport hands received bytes (a datagram, or a frame cut by <see cref="SipStreamFramer"/>):
/// parses, answers malformed requests with 400/505 when possible and drops the rest (RFC 3261 §18.3, §8.2), logs
/// and counts, and passes good messages to the transaction layer. No exception escapes to the transport.</summary>
public sealed partial class SipReceiver
{
    private readonly SipTransactionLayer _layer;
    private readonly ISipTransport _transport;
    private readonly SipMetrics _metrics;
    private readonly ILogger _logger;
    private readonly SipParserOptions _options;
    private readonly string? _warnAgent;

    /// <summary>Creates a receiver. <paramref name="warnAgent"/> (our host:port or a pseudonym) adds a Warning 399
    /// with the parse error to error responses; null leaves it to the reason phrase.</summary>
    public SipReceiver(SipTransactionLayer layer, ISipTransport transport, SipMetrics metrics, ILogger<SipReceiver> logger, SipParserOptions? options = null, string? warnAgent = null)
    {
        _layer = layer;
        _transport = transport;
        _metrics = metrics;
        _logger = logger;
        _options = options ?? SipParserOptions.Default;
        _options.Validate();
        _warnAgent = warnAgent;
    }

    /// <summary>Handles one message's bytes from <paramref name="source"/>.</summary>
    public void Receive(ReadOnlySpan<byte> data, SipEndPoint source)
    {
        var result = SipMessageParser.Parse(data, _options);
        if (result.Error == SipParseError.KeepAlive)
        {
            return;
        }
        if (!result.IsSuccess)
        {
            Reject(result, source);
            return;
        }
        var message = result.Message!;
        _metrics.MessagesReceived.Add(1, new KeyValuePair<string, object?>("kind", message.IsRequest ? "request" : "response"));
        // §18.1.2: a response with more than one Via was not meant for this element (we are a UA, never a proxy).
        if (!message.IsRequest && message.Vias!.Count != 1)
        {
            _metrics.DiscardedResponses.Add(1);
            LogDiscardedResponse(_logger, source, message.Vias.Count);
            return;
        }
        try
        {
            _layer.Receive(message, source);
        }
        catch (Exception exception)
        {
            _metrics.HandlerFailures.Add(1);
            LogHandlerFailed(_logger, message.IsRequest ? ((SipRequest)message).Method : ((SipResponse)message).StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), source, exception);
        }
    }

    private void Reject(SipParseResult result, SipEndPoint source)
    {
        _metrics.MalformedMessages.Add(1, new KeyValuePair<string, object?>("error", result.Error.ToString()));
        if (result.CreateErrorResponse(_warnAgent) is not { } response)
        {
            LogDropped(_logger, source, result.Error, result.Detail);
            return;
        }
        var destination = SipResponseRouting.GetResponseDestination(response.TopVia!, source);
        if (_transport.TrySend(response, destination))
        {
            _metrics.ErrorResponses.Add(1);
        }
        LogAnswered(_logger, source, response.StatusCode, result.Error, result.Detail);
    }

    [LoggerMessage(5001, LogLevel.Debug, "SIP: dropped a malformed message from {Source}: {Error} ({Detail})")]
    private static partial void LogDropped(ILogger logger, SipEndPoint source, SipParseError error, string? detail);

    [LoggerMessage(5002, LogLevel.Debug, "SIP: answered a malformed request from {Source} with {Status}: {Error} ({Detail})")]
    private static partial void LogAnswered(ILogger logger, SipEndPoint source, int status, SipParseError error, string? detail);

    [LoggerMessage(5003, LogLevel.Debug, "SIP: discarded a response from {Source} with {Count} Via values")]
    private static partial void LogDiscardedResponse(ILogger logger, SipEndPoint source, int count);

    [LoggerMessage(5004, LogLevel.Error, "SIP: handling {What} from {Source} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string what, SipEndPoint source, Exception exception);
}
