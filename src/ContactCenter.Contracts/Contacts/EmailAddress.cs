using System.Text.RegularExpressions;

namespace ContactCenter.Contracts.Contacts;

/// <summary>E-mail addresses in the directory: stored as entered, compared by <see cref="Key"/>.</summary>
public static partial class EmailAddress
{
    /// <summary>The comparison key: trimmed and lower-cased (invariant). Strictly the local part is case-sensitive
    /// (RFC 5321 §2.4), but no real mailbox provider treats it so, and agents type addresses in any case.</summary>
    public static string Key(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Trim().ToLowerInvariant();
    }

    /// <summary>A deliberately loose shape check (one '@', something before it, a dotted domain, no white space):
    /// the directory identifies people, it does not verify mailboxes.</summary>
    public static bool IsWellFormed(string? address) =>
        address is not null && address.Length <= ContactLimits.EmailLength && Pattern().IsMatch(address);

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex Pattern();
}
