using ContactCenter.Contracts.Contacts;

namespace ContactCenter.Storage.Contacts;

/// <summary>One page of a contact listing.</summary>
/// <param name="Items">The contacts of the page, in listing order.</param>
/// <param name="NextCursor">Opaque position after the last item when more may follow; null on the last page.</param>
public sealed record ContactPage(IReadOnlyList<Contact> Items, string? NextCursor);
