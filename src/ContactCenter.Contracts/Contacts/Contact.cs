using System.Collections.Immutable;

namespace ContactCenter.Contracts.Contacts;

/// <summary>A customer card in the contact directory: who a caller or chat visitor is, found by phone number or e-mail
/// so routing and the agent workspace can identify them. Numbers and addresses may be shared between contacts (a
/// switchboard, a family), so lookups return every match.</summary>
public sealed record Contact
{
    /// <summary>Document id (1-64 letters, digits, '-', '_' or '.').</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it. Zero before the first write.</summary>
    public long Version { get; init; }

    /// <summary>Name shown to agents; also the key of the directory's name search.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Optional company name.</summary>
    public string? Company { get; init; }

    /// <summary>Phone numbers, each at most once.</summary>
    public ImmutableArray<ContactPhone> Phones { get; init; } = [];

    /// <summary>E-mail addresses as entered; compared case-insensitively, each at most once.</summary>
    public ImmutableArray<string> Emails { get; init; } = [];

    /// <summary>Treatment of the contact. Default <see cref="ContactStatus.None"/>.</summary>
    public ContactStatus Status { get; init; }

    /// <summary>Free-form fields (name → value) shown on the card, e.g. a customer number from a CRM.</summary>
    public ImmutableDictionary<string, string> CustomFields { get; init; } =
        ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>When the contact was created; set by the directory.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the contact was last written; set by the directory.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
