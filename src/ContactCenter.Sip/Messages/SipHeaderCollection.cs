using System.Collections;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>The headers of a message in wire order. Names are canonicalized on the way in (compact forms expanded) and
/// compared case-insensitively (RFC 3261 §7.3.1); repeated headers keep their relative order, which matters for Via,
/// Route and Record-Route.</summary>
public sealed class SipHeaderCollection : IReadOnlyList<SipHeader>
{
    private readonly List<SipHeader> _items;

    /// <summary>Creates an empty collection.</summary>
    public SipHeaderCollection()
        : this(16)
    {
    }

    internal SipHeaderCollection(int capacity)
    {
        _items = new List<SipHeader>(capacity);
    }

    /// <summary>Changes on every mutation; typed views cached on the message compare it.</summary>
    internal int Version { get; private set; }

    /// <inheritdoc/>
    public int Count => _items.Count;

    /// <inheritdoc/>
    public SipHeader this[int index] => _items[index];

    /// <summary>Appends a header line.</summary>
    public void Add(string name, string value)
    {
        CheckValue(value);
        _items.Add(new SipHeader(SipHeaderNames.Canonicalize(name), value));
        Version++;
    }

    /// <summary>Appends a header whose name is already canonical (parser and factories).</summary>
    internal void AddCanonical(string name, string value)
    {
        _items.Add(new SipHeader(name, value));
        Version++;
    }

    /// <summary>Appends a folded continuation line to the last header (§7.3.1: folding is equivalent to one space).</summary>
    internal void AppendToLast(string continuation)
    {
        if (continuation.Length == 0)
        {
            return;
        }
        var last = _items[^1];
        _items[^1] = last with { Value = last.Value.Length == 0 ? continuation : string.Concat(last.Value, " ", continuation) };
        Version++;
    }

    /// <summary>Inserts a header line before the first one of the same name, or as the first line when there is
    /// none: a new top Via, a pre-loaded Route.</summary>
    public void AddFirst(string name, string value)
    {
        CheckValue(value);
        name = SipHeaderNames.Canonicalize(name);
        var index = IndexOf(name, 0);
        _items.Insert(index < 0 ? 0 : index, new SipHeader(name, value));
        Version++;
    }

    /// <summary>Replaces the first header of that name in place and removes the others, or appends it.</summary>
    public void Set(string name, string value)
    {
        CheckValue(value);
        name = SipHeaderNames.Canonicalize(name);
        var index = IndexOf(name, 0);
        if (index < 0)
        {
            _items.Add(new SipHeader(name, value));
        }
        else
        {
            _items[index] = new SipHeader(name, value);
            RemoveFrom(name, index + 1);
        }
        Version++;
    }

    /// <summary>Removes every header of that name; returns how many were removed.</summary>
    public int Remove(string name)
    {
        var removed = RemoveFrom(SipHeaderNames.Canonicalize(name), 0);
        if (removed > 0)
        {
            Version++;
        }
        return removed;
    }

    /// <summary>Replaces the value of the header line at <paramref name="index"/>.</summary>
    public void SetAt(int index, string value)
    {
        CheckValue(value);
        _items[index] = _items[index] with { Value = value };
        Version++;
    }

    /// <summary>Removes the header line at <paramref name="index"/>.</summary>
    public void RemoveAt(int index)
    {
        _items.RemoveAt(index);
        Version++;
    }

    /// <summary>Whether a header of that name is present.</summary>
    public bool Contains(string name) => IndexOf(SipHeaderNames.Canonicalize(name), 0) >= 0;

    /// <summary>The value of the first header of that name; null when absent.</summary>
    public string? Get(string name) => GetCanonical(SipHeaderNames.Canonicalize(name));

    /// <summary><see cref="Get"/> for a name already canonical (a <see cref="SipHeaderNames"/> constant).</summary>
    internal string? GetCanonical(string name)
    {
        var index = IndexOf(name, 0);
        return index < 0 ? null : _items[index].Value;
    }

    /// <summary>How many header lines carry that name.</summary>
    public int CountOf(string name)
    {
        name = SipHeaderNames.Canonicalize(name);
        var count = 0;
        foreach (var item in _items)
        {
            if (string.Equals(item.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Every value of that header in order; for list headers (§7.3.1) comma-separated values are split, never
    /// inside quoted strings or angle brackets.</summary>
    public List<string> GetValues(string name) => GetValuesCanonical(SipHeaderNames.Canonicalize(name));

    /// <summary><see cref="GetValues"/> for a name already canonical.</summary>
    internal List<string> GetValuesCanonical(string name)
    {
        var split = SipHeaderNames.IsList(name);
        var values = new List<string>();
        foreach (var item in _items)
        {
            if (!string.Equals(item.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (split)
            {
                HeaderValueSplitter.Split(item.Value, values);
            }
            else
            {
                values.Add(item.Value);
            }
        }
        return values;
    }

    /// <inheritdoc/>
    public IEnumerator<SipHeader> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>CR, LF or NUL in a value would let it forge header lines on the wire.</summary>
    private static void CheckValue(string value)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException("a header value must not contain CR, LF or NUL", nameof(value));
        }
    }

    private int IndexOf(string name, int start)
    {
        for (var i = start; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    private int RemoveFrom(string name, int start)
    {
        var removed = 0;
        for (var i = _items.Count - 1; i >= start; i--)
        {
            if (string.Equals(_items[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                _items.RemoveAt(i);
                removed++;
            }
        }
        return removed;
    }
}
