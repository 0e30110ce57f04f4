namespace ContactCenter.Sip.Parsing;

/// <summary>Why a message was rejected by <see cref="SipMessageParser"/>.</summary>
public enum SipParseError
{
    /// <summary>The message parsed.</summary>
    None,

    /// <summary>Only CR/LF: a keep-alive (RFC 5626 §4.4.1), not an error; nothing to answer.</summary>
    KeepAlive,

    /// <summary>Larger than <see cref="SipParserOptions.MaxMessageSize"/>; dropped unread.</summary>
    MessageTooLarge,

    /// <summary>More header lines than <see cref="SipParserOptions.MaxHeaderCount"/>; dropped.</summary>
    TooManyHeaders,

    /// <summary>The start line is neither a valid Request-Line nor a valid Status-Line (§7.1, §7.2).</summary>
    InvalidStartLine,

    /// <summary>A well-formed SIP version other than 2.0 (answered with 505, §8.2.2 … §21.5.15).</summary>
    UnsupportedVersion,

    /// <summary>The Request-URI does not parse.</summary>
    InvalidRequestUri,

    /// <summary>A header line without a colon, with an invalid name, or a continuation without a header.</summary>
    InvalidHeaderLine,

    /// <summary>Control characters (NUL included) or invalid UTF-8 in the start line or a header.</summary>
    InvalidCharacters,

    /// <summary>The header section does not end with an empty line.</summary>
    Truncated,

    /// <summary>A mandatory header (§8.1.1) is missing; the detail names it.</summary>
    MissingHeader,

    /// <summary>A header the stack relies on does not parse, or a single-valued header is repeated; the detail names it.</summary>
    InvalidHeaderValue,

    /// <summary>The CSeq method differs from the request method (§8.1.1.5).</summary>
    CSeqMethodMismatch,

    /// <summary>Content-Length is not a number, or two differ.</summary>
    InvalidContentLength,

    /// <summary>The datagram holds fewer body bytes than Content-Length announces (§18.3).</summary>
    BodyTooShort,
}
