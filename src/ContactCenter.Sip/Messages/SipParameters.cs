using System.Collections;
using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>An immutable, ordered list of <c>;name[=value]</c> parameters (URI or header parameters). Names compare
/// case-insensitively (RFC 3261 §7.3.1); values are kept as written, quotes and escapes included, so a message
/// re-serializes exactly.</summary>
public sealed class SipParameters : IReadOnlyList<KeyValuePair<string, string?>>
{
    private readonly KeyValuePair<string, string?>[] _items;

    /// <summary>The empty list.</summary>
    public static SipParameters Empty { get; } = new([]);

    internal SipParameters(KeyValuePair<string, string?>[] items)
    {
        _items = items;
    }

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public KeyValuePair<string, string?> this[int index] => _items[index];

    /// <summary>Whether a parameter of that name is present (with or without a value).</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>The value of the first parameter of that name; null when absent or present without a value.</summary>
    public string? Get(string name)
    {
        var index = IndexOf(name);
        return index < 0 ? null : _items[index].Value;
    }

    /// <summary>Finds a parameter; <paramref name="value"/> is null for a parameter without a value.</summary>
    public bool TryGet(string name, out string? value)
    {
        var index = IndexOf(name);
        value = index < 0 ? null : _items[index].Value;
        return index >= 0;
    }

    /// <summary>A copy with the parameter set (replaced in place when present, appended otherwise).</summary>
    public SipParameters With(string name, string? value)
    {
        var index = IndexOf(name);
        KeyValuePair<string, string?>[] items;
        if (index >= 0)
        {
            items = (KeyValuePair<string, string?>[])_items.Clone();
            items[index] = new(items[index].Key, value);
        }
        else
        {
            items = new KeyValuePair<string, string?>[_items.Length + 1];
            _items.CopyTo(items, 0);
            items[^1] = new(name, value);
        }
        return new SipParameters(items);
    }

    /// <summary>A copy without any parameter of that name.</summary>
    public SipParameters Without(string name)
    {
        if (IndexOf(name) < 0)
        {
            return this;
        }
        var items = new List<KeyValuePair<string, string?>>(_items.Length);
        foreach (var item in _items)
        {
            if (!string.Equals(item.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                items.Add(item);
            }
        }
        return new SipParameters([.. items]);
    }

    /// <summary>Appends <c>;name=value</c> for every parameter.</summary>
    public void AppendTo(StringBuilder builder)
    {
        foreach (var item in _items)
        {
            builder.Append(';').Append(item.Key);
            if (item.Value is not null)
            {
                builder.Append('=').Append(item.Value);
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string?>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string name)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (string.Equals(_items[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
