namespace ContactCenter.Sip.Parsing;

/// <summary>Limits applied to every incoming message, so hostile traffic costs bounded memory and time.</summary>
public sealed class SipParserOptions
{
    /// <summary>The defaults.</summary>
    public static SipParserOptions Default { get; } = new();

    /// <summary>Largest message (start line, headers and body) accepted, in bytes. Default 65,536 (64 KiB: the
    /// largest UDP payload, and far above any real SIP message).</summary>
    public int MaxMessageSize { get; init; } = 65536;

    /// <summary>Most header lines accepted in one message. Default 256.</summary>
    public int MaxHeaderCount { get; init; } = 256;

    /// <summary>Fails fast on limits that would reject every message.</summary>
    public void Validate()
    {
        if (MaxMessageSize < 256 || MaxHeaderCount < 8)
        {
            throw new ArgumentException($"SIP parser limits too small: MaxMessageSize {MaxMessageSize} (at least 256), MaxHeaderCount {MaxHeaderCount} (at least 8)");
        }
    }
}
