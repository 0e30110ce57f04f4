using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Parsing;

/// <summary>The outcome of parsing one message: the message, or why it was rejected and whether the sender can be
/// told (RFC 3261 §8.2: a request whose Via, From, To, Call-ID and CSeq parsed gets a 400/505; anything else is
/// dropped silently).</summary>
public readonly struct SipParseResult
{
    private readonly SipHeaderCollection? _respondable;

    private SipParseResult(SipMessage? message, SipParseError error, string? detail, SipHeaderCollection? respondable)
    {
        Message = message;
        Error = error;
        Detail = detail;
        _respondable = respondable;
    }

    /// <summary>The message when it parsed.</summary>
    public SipMessage? Message { get; }

    /// <summary><see cref="SipParseError.None"/> when the message parsed.</summary>
    public SipParseError Error { get; }

    /// <summary>A short human-readable explanation (names the header at fault); null on success.</summary>
    public string? Detail { get; }

    /// <summary>Whether the message parsed.</summary>
    public bool IsSuccess => Error == SipParseError.None;

    /// <summary>Whether a rejected request carried enough to be answered (see <see cref="CreateErrorResponse"/>).</summary>
    public bool CanRespond => _respondable is not null;

    /// <summary>The status an answerable rejection gets: 505 for another SIP version, 513 is not used (over-size
    /// messages are not read), 400 otherwise; 0 when nothing can be sent.</summary>
    public int ResponseStatusCode => !CanRespond ? 0 : Error == SipParseError.UnsupportedVersion ? 505 : 400;

    /// <summary>The error response for an answerable rejection: reason phrase carrying the detail, and a Warning 399
    /// (§20.43) when <paramref name="warnAgent"/> (our host:port or pseudonym) is given; null when it must be dropped.</summary>
    public SipResponse? CreateErrorResponse(string? warnAgent = null)
    {
        if (_respondable is null)
        {
            return null;
        }
        var status = ResponseStatusCode;
        var reason = $"{SipStatusCodes.GetReasonPhrase(status)} ({Detail})";
        var response = SipResponseFactory.CreateResponse(_respondable, status, reason, toTag: null);
        if (response is not null && warnAgent is not null)
        {
            response.Headers.Add(SipHeaderNames.Warning, $"399 {warnAgent} \"{Detail?.Replace('"', '\'')}\"");
        }
        return response;
    }

    /// <inheritdoc/>
    public override string ToString() => IsSuccess ? $"parsed {Message}" : $"{Error}: {Detail} (respond: {ResponseStatusCode})";

    internal static SipParseResult Success(SipMessage message) => new(message, SipParseError.None, null, null);

    internal static SipParseResult Failure(SipParseError error, string detail, SipHeaderCollection? respondable = null) =>
        new(null, error, detail, respondable);
}
