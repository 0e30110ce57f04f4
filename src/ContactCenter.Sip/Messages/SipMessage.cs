namespace ContactCenter.Sip.Messages;

/// <summary>A SIP request or response (RFC 3261 §7): start line, headers and body. Typed views of the headers the
/// stack itself relies on are parsed on first use and cached until the headers change.</summary>
public abstract partial class SipMessage
{
    /// <summary>The only version this stack speaks.</summary>
    public const string SipVersion = "SIP/2.0";

    /// <summary>Creates a message with the given headers.</summary>
    protected SipMessage(SipHeaderCollection headers)
    {
        Headers = headers;
    }

    /// <summary>The headers in wire order.</summary>
    public SipHeaderCollection Headers { get; }

    /// <summary>The body; the serializer writes Content-Length from its length.</summary>
    public ReadOnlyMemory<byte> Body { get; set; } = ReadOnlyMemory<byte>.Empty;

    /// <summary>Whether this is a request.</summary>
    public abstract bool IsRequest { get; }

    /// <summary>The Call-ID; null when absent.</summary>
    public string? CallId => Headers.GetCanonical(SipHeaderNames.CallId);

    /// <summary>The Content-Type; null when absent.</summary>
    public string? ContentType => Headers.GetCanonical(SipHeaderNames.ContentType);

    /// <summary>The From header; null when absent or invalid.</summary>
    public NameAddress? From => Cached(ref _from, SipHeaderNames.From, ParseNameAddress);

    /// <summary>The To header; null when absent or invalid.</summary>
    public NameAddress? To => Cached(ref _to, SipHeaderNames.To, ParseNameAddress);

    /// <summary>The CSeq header; null when absent or invalid.</summary>
    public CSeqHeader? CSeq => Cached(ref _cseq, SipHeaderNames.CSeq, static v => CSeqHeader.TryParse(v, out var c) ? c : null);

    /// <summary>Every Via value, top first; null when a value is invalid.</summary>
    public IReadOnlyList<ViaHeader>? Vias => CachedList(ref _vias, SipHeaderNames.Via, static v => ViaHeader.TryParse(v, out var via) ? via : null);

    /// <summary>The top Via; null when absent or invalid.</summary>
    public ViaHeader? TopVia => Vias is [var top, ..] ? top : null;

    /// <summary>Every Route value in order; null when a value is invalid.</summary>
    public IReadOnlyList<NameAddress>? Routes => CachedList(ref _routes, SipHeaderNames.Route, ParseNameAddress);

    /// <summary>Every Record-Route value in order; null when a value is invalid.</summary>
    public IReadOnlyList<NameAddress>? RecordRoutes => CachedList(ref _recordRoutes, SipHeaderNames.RecordRoute, ParseNameAddress);

    /// <summary>Every Contact value; empty for <c>Contact: *</c> (see <see cref="IsContactWildcard"/>); null when a value is invalid.</summary>
    public IReadOnlyList<NameAddress>? Contacts => IsContactWildcard ? [] : CachedList(ref _contacts, SipHeaderNames.Contact, ParseNameAddress);

    /// <summary>Whether the message carries <c>Contact: *</c> (REGISTER removing every binding, §10.2.2).</summary>
    public bool IsContactWildcard => Headers.GetCanonical(SipHeaderNames.Contact) is { } contact && contact.AsSpan().Trim(" \t") is "*";

    /// <summary>Max-Forwards (0–255); null when absent or invalid.</summary>
    public int? MaxForwards => ParseNumber(SipHeaderNames.MaxForwards, 255);

    /// <summary>The Content-Length header's value; null when absent or invalid.</summary>
    public int? ContentLength => ParseNumber(SipHeaderNames.ContentLength, int.MaxValue);

    /// <summary>The Expires header in seconds; null when absent or invalid.</summary>
    public long? Expires =>
        Headers.GetCanonical(SipHeaderNames.Expires) is { } text && Parsing.SipGrammar.TryParseNumber(text.AsSpan().Trim(" \t"), uint.MaxValue, out var seconds)
            ? seconds : null;

    private static NameAddress? ParseNameAddress(string value) => NameAddress.TryParse(value, out var address) ? address : null;

    private int? ParseNumber(string name, long max) =>
        Headers.GetCanonical(name) is { } text && Parsing.SipGrammar.TryParseNumber(text.AsSpan().Trim(" \t"), max, out var number)
            ? (int)number : null;
}
