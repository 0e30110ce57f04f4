using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Contacts;

namespace ContactCenter.Storage.Contacts;

/// <summary>A validated contact in its stored form (phone numbers normalised) with the keys both directories index it
/// by. Keys are computed here, in .NET, so the in-memory and PostgreSQL directories match and order identically
/// whatever the database's locale.</summary>
internal sealed record PreparedContact(Contact Contact, string NameKey, ImmutableArray<string> PhoneKeys, ImmutableArray<string> EmailKeys)
{
    /// <summary>Validates <paramref name="contact"/> (throwing <see cref="InvalidContactException"/>) and stamps it
    /// with <paramref name="version"/> and times.</summary>
    public static PreparedContact From(Contact contact, long version, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var errors = DocumentValidator.Validate(contact);
        if (!errors.IsValid)
        {
            throw new InvalidContactException(errors);
        }
        var phones = contact.Phones.IsDefault ? [] : contact.Phones.Select(p => p with { Number = PhoneNumber.Normalize(p.Number)! }).ToImmutableArray();
        var emails = contact.Emails.IsDefault ? [] : contact.Emails;
        var stored = contact with
        {
            Version = version,
            Phones = phones,
            Emails = emails,
            CustomFields = contact.CustomFields.WithComparers(StringComparer.Ordinal),
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
        return new PreparedContact(stored, KeyOfName(contact.DisplayName), [.. phones.Select(p => p.Number)], [.. emails.Select(EmailAddress.Key)]);
    }

    /// <summary>The sort and prefix-search key of a display name (or of a searched prefix).</summary>
    public static string KeyOfName(string name) => name.Trim().ToLowerInvariant();
}
