using ContactCenter.Contracts.Contacts;

namespace ContactCenter.Storage.Contacts;

/// <summary>The contact directory: customer cards identified by id, found by phone number or e-mail address (every
/// match: numbers and addresses may be shared) and listed by name. Every write is a compare-and-swap on the contact's
/// version; a stale writer gets <see cref="ContactVersionConflictException"/> and changes nothing. Documents are
/// validated with <see cref="Contracts.Configuration.DocumentValidator"/> (<see cref="InvalidContactException"/> when
/// invalid) and stored with their phone numbers normalised.</summary>
public interface IContactDirectory
{
    /// <summary>Stores a new contact as version 1, stamping its created and updated times; the incoming
    /// <see cref="Contact.Version"/> and times are ignored. An existing id is a conflict (expected version 0).</summary>
    Task<Contact> CreateAsync(Contact contact, CancellationToken cancellationToken = default);

    /// <summary>The contact with <paramref name="id"/>, or null.</summary>
    Task<Contact?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the contact with <paramref name="contact"/>'s id when its stored version is
    /// <paramref name="expectedVersion"/>; returns it as stored (version + 1, created time kept, updated time now).
    /// A missing contact or another version is a conflict.</summary>
    Task<Contact> UpdateAsync(Contact contact, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Deletes the contact when its stored version is <paramref name="expectedVersion"/>: true when deleted,
    /// false when there is no such contact; another version is a conflict.</summary>
    Task<bool> DeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Every contact holding <paramref name="phoneNumber"/> after normalisation, ordered by id; empty when the
    /// input does not normalise (an anonymous or alphanumeric caller id).</summary>
    Task<IReadOnlyList<Contact>> FindByPhoneAsync(string phoneNumber, CancellationToken cancellationToken = default);

    /// <summary>Every contact holding <paramref name="email"/> ignoring case, ordered by id.</summary>
    Task<IReadOnlyList<Contact>> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>One page of contacts whose display name starts with <paramref name="namePrefix"/> ignoring case (all
    /// when null or empty), ordered by lower-cased name then id. Pass the previous page's
    /// <see cref="ContactPage.NextCursor"/> as <paramref name="cursor"/> to continue; keyset paging, so writes between
    /// pages neither repeat nor skip contacts that did not move.</summary>
    Task<ContactPage> ListAsync(string? namePrefix, int limit, string? cursor = null, CancellationToken cancellationToken = default);
}
