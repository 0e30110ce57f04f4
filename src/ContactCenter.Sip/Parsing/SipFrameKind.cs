namespace ContactCenter.Sip.Parsing;

/// <summary>What <see cref="SipStreamFramer"/> found on a stream.</summary>
public enum SipFrameKind
{
    /// <summary>One complete message (headers and Content-Length bytes of body).</summary>
    Message,

    /// <summary>A double CRLF keep-alive ping (RFC 5626 §4.4.1); answer with a single CRLF.</summary>
    Ping,

    /// <summary>A single CRLF: the pong to our ping (RFC 5626 §4.4.1).</summary>
    Pong,

    /// <summary>The stream cannot be framed any more (over-size message, bad Content-Length); close the connection.</summary>
    Error,
}
