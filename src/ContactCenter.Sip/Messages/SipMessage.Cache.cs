namespace ContactCenter.Sip.Messages;

public abstract partial class SipMessage
{
    private CacheEntry<NameAddress>? _from;
    private CacheEntry<NameAddress>? _to;
    private CacheEntry<CSeqHeader>? _cseq;
    private CacheEntry<IReadOnlyList<ViaHeader>>? _vias;
    private CacheEntry<IReadOnlyList<NameAddress>>? _routes;
    private CacheEntry<IReadOnlyList<NameAddress>>? _recordRoutes;
    private CacheEntry<IReadOnlyList<NameAddress>>? _contacts;

    private T? Cached<T>(ref CacheEntry<T>? entry, string name, Func<string, T?> parse)
        where T : class
    {
        var version = Headers.Version;
        if (entry is { } cached && cached.Version == version)
        {
            return cached.Value;
        }
        var text = Headers.GetCanonical(name);
        var value = text is null ? null : parse(text);
        entry = new CacheEntry<T>(version, value);
        return value;
    }

    private IReadOnlyList<T>? CachedList<T>(ref CacheEntry<IReadOnlyList<T>>? entry, string name, Func<string, T?> parse)
        where T : class
    {
        var version = Headers.Version;
        if (entry is { } cached && cached.Version == version)
        {
            return cached.Value;
        }
        var values = Headers.GetValuesCanonical(name);
        var items = new T[values.Count];
        IReadOnlyList<T>? result = items;
        for (var i = 0; i < items.Length; i++)
        {
            if (parse(values[i]) is not { } item)
            {
                result = null;
                break;
            }
            items[i] = item;
        }
        entry = new CacheEntry<IReadOnlyList<T>>(version, result);
        return result;
    }

    /// <summary>A typed view and the header version it was parsed from.</summary>
    private sealed record CacheEntry<T>(int Version, T? Value)
        where T : class;
}
