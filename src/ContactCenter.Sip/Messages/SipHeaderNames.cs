using System.Collections.Frozen;
using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>Canonical header names and the compact forms of RFC 3261 §7.3.3 (and later RFCs). Header names compare
/// case-insensitively; the stack stores every known header under its canonical long name.</summary>
public static class SipHeaderNames
{
#pragma warning disable CS1591 // The names document themselves.
    public const string Accept = "Accept";
    public const string AcceptContact = "Accept-Contact";
    public const string Allow = "Allow";
    public const string AllowEvents = "Allow-Events";
    public const string Authorization = "Authorization";
    public const string CallId = "Call-ID";
    public const string Contact = "Contact";
    public const string ContentDisposition = "Content-Disposition";
    public const string ContentEncoding = "Content-Encoding";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string CSeq = "CSeq";
    public const string Event = "Event";
    public const string Expires = "Expires";
    public const string From = "From";
    public const string Identity = "Identity";
    public const string MaxForwards = "Max-Forwards";
    public const string MinExpires = "Min-Expires";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string ProxyAuthorization = "Proxy-Authorization";
    public const string ProxyRequire = "Proxy-Require";
    public const string Reason = "Reason";
    public const string RecordRoute = "Record-Route";
    public const string ReferTo = "Refer-To";
    public const string ReferredBy = "Referred-By";
    public const string RejectContact = "Reject-Contact";
    public const string Replaces = "Replaces";
    public const string Require = "Require";
    public const string RetryAfter = "Retry-After";
    public const string Route = "Route";
    public const string Server = "Server";
    public const string SessionExpires = "Session-Expires";
    public const string Subject = "Subject";
    public const string SubscriptionState = "Subscription-State";
    public const string Supported = "Supported";
    public const string Timestamp = "Timestamp";
    public const string To = "To";
    public const string Unsupported = "Unsupported";
    public const string UserAgent = "User-Agent";
    public const string Via = "Via";
    public const string Warning = "Warning";
    public const string WwwAuthenticate = "WWW-Authenticate";
#pragma warning restore CS1591

    private static readonly string[] All =
    [
        Via, From, To, CallId, CSeq, Contact, MaxForwards, ContentLength, ContentType, Route, RecordRoute, Allow,
        Supported, UserAgent, Server, Expires, Authorization, WwwAuthenticate, ProxyAuthenticate, ProxyAuthorization,
        Accept, AcceptContact, AllowEvents, ContentDisposition, ContentEncoding, Event, Identity, MinExpires,
        ProxyRequire, Reason, ReferTo, ReferredBy, RejectContact, Replaces, Require, RetryAfter, SessionExpires, Subject,
        SubscriptionState, Timestamp, Unsupported, Warning,
    ];

    // Compact forms: RFC 3261 §7.3.3 and §20 (i m f t v l c k s e), RFC 3265 (o u), RFC 3515 (r), RFC 4028 (x),
    // RFC 3892 (b), RFC 3841 (a j), RFC 4474 (y).
    private static readonly string?[] Compact = BuildCompact();

    // Known names bucketed by lower-cased first letter, so a lookup compares against a handful of candidates.
    private static readonly (byte[] Bytes, string Name)[][] ByFirstLetter = BuildBuckets();

    private static readonly FrozenDictionary<string, string> ByName = BuildByName();

    /// <summary>Header names whose values are comma-separated lists (§7.3.1) and so may be split; others (Date,
    /// WWW-Authenticate, …) contain commas that are not separators.</summary>
    private static readonly FrozenSet<string> ListHeaders = new[]
    {
        Via, Contact, Route, RecordRoute, Allow, Supported, Require, ProxyRequire, Unsupported, Accept, AllowEvents,
        ContentEncoding, AcceptContact, RejectContact, "Accept-Encoding", "Accept-Language", "In-Reply-To", "Path",
        "Service-Route", "Error-Info", "Call-Info", "Alert-Info",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical spelling of a header name (compact forms expanded); unknown names are returned as given.</summary>
    public static string Canonicalize(string name)
    {
        if (name.Length == 1 && name[0] < 128 && Compact[char.ToLowerInvariant(name[0])] is { } expanded)
        {
            return expanded;
        }
        return ByName.TryGetValue(name, out var canonical) ? canonical : name;
    }

    /// <summary>Whether the header's values are comma-separated lists that may be split and combined (§7.3.1).</summary>
    public static bool IsList(string name) => ListHeaders.Contains(name);

    /// <summary>The canonical name for raw header-name bytes without allocating for known names.</summary>
    internal static string Canonicalize(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            var c = (char)(name[0] | 0x20);
            if (c < 128 && Compact[c] is { } expanded)
            {
                return expanded;
            }
        }
        var first = name.IsEmpty ? 0 : name[0] | 0x20;
        if (first is >= 'a' and <= 'z')
        {
            foreach (var (bytes, known) in ByFirstLetter[first - 'a'])
            {
                if (bytes.Length == name.Length && Ascii.EqualsIgnoreCase(bytes, name))
                {
                    return known;
                }
            }
        }
        return Encoding.ASCII.GetString(name);
    }

    private static string?[] BuildCompact()
    {
        var table = new string?[128];
        table['i'] = CallId;
        table['m'] = Contact;
        table['f'] = From;
        table['t'] = To;
        table['v'] = Via;
        table['l'] = ContentLength;
        table['c'] = ContentType;
        table['k'] = Supported;
        table['s'] = Subject;
        table['e'] = ContentEncoding;
        table['o'] = Event;
        table['u'] = AllowEvents;
        table['r'] = ReferTo;
        table['x'] = SessionExpires;
        table['b'] = ReferredBy;
        table['a'] = AcceptContact;
        table['j'] = RejectContact;
        table['y'] = Identity;
        return table;
    }

    private static (byte[] Bytes, string Name)[][] BuildBuckets()
    {
        var buckets = new List<(byte[], string)>[26];
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i] = [];
        }
        foreach (var name in All)
        {
            buckets[char.ToLowerInvariant(name[0]) - 'a'].Add((Encoding.ASCII.GetBytes(name), name));
        }
        return [.. buckets.Select(b => b.ToArray())];
    }

    private static FrozenDictionary<string, string> BuildByName()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in All)
        {
            map[name] = name;
        }
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
