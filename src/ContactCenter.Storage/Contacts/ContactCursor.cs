using System.Text;

namespace ContactCenter.Storage.Contacts;

/// <summary>The listing position after a contact: its name key and id (the listing's sort key), opaque to clients.
/// Neither part holds U+0000 (validation refuses it), so it separates them.</summary>
internal readonly record struct ContactCursor(string NameKey, string Id)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{NameKey}\0{Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static ContactCursor? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var separator = text.IndexOf('\0', StringComparison.Ordinal);
            if (separator >= 0)
            {
                return new ContactCursor(text[..separator], text[(separator + 1)..]);
            }
        }
        catch (FormatException)
        {
            // reported below as one kind of error
        }
        throw new ArgumentException($"'{cursor}' is not a contact listing cursor", nameof(cursor));
    }

    /// <summary>Listing order: name key, then id, both by Unicode code point — the order of PostgreSQL's "C" collation
    /// on UTF-8, which <see cref="string.CompareOrdinal(string, string)"/> (UTF-16 units) breaks for characters past
    /// U+FFFF.</summary>
    public static int Compare(string nameKeyA, string idA, string nameKeyB, string idB)
    {
        var byName = CompareCodePoints(nameKeyA, nameKeyB);
        return byName != 0 ? byName : CompareCodePoints(idA, idB);
    }

    private static int CompareCodePoints(string a, string b)
    {
        var left = a.EnumerateRunes();
        var right = b.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft.CompareTo(hasRight);
            }
            var byRune = left.Current.Value.CompareTo(right.Current.Value);
            if (byRune != 0)
            {
                return byRune;
            }
        }
    }
}
