using ContactCenter.Contracts.Contacts;
using ContactCenter.Storage.Contacts;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Apis;

/// <summary>Contacts as a <see cref="VersionedResource{T}"/> over the <see cref="IContactDirectory"/>.</summary>
internal static class ContactResource
{
    /// <summary>The audit kind of contacts.</summary>
    public const string Kind = "contact";

    public static VersionedResource<Contact> Instance { get; } = new(
        Kind,
        "contact",
        contact => contact.Id,
        contact => contact.Version,
        (services, id, cancel) => Directory(services).GetAsync(id, cancel),
        (services, contact, cancel) => Directory(services).CreateAsync(contact, cancel),
        (services, contact, version, cancel) => Directory(services).UpdateAsync(contact, version, cancel),
        (services, id, version, cancel) => Directory(services).DeleteAsync(id, version, cancel));

    private static IContactDirectory Directory(IServiceProvider services) => services.GetRequiredService<IContactDirectory>();
}
