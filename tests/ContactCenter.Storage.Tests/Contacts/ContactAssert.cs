using System.Globalization;
using ContactCenter.Contracts.Contacts;

namespace ContactCenter.Storage.Tests.Contacts;

/// <summary>Compares contacts by content (records compare immutable collections by reference).</summary>
internal static class ContactAssert
{
    public static void Equal(Contact expected, Contact? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(Describe(expected), Describe(actual));
    }

    public static string Describe(Contact contact) => string.Join("\n",
        $"id={contact.Id} v{contact.Version} name={contact.DisplayName} company={contact.Company ?? "-"} status={contact.Status}",
        $"phones={string.Join(",", contact.Phones.Select(p => $"{p.Number}/{p.Label ?? "-"}"))}",
        $"emails={string.Join(",", contact.Emails)}",
        $"fields={string.Join(",", contact.CustomFields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"))}",
        $"created={contact.CreatedAt.ToString("O", CultureInfo.InvariantCulture)} updated={contact.UpdatedAt.ToString("O", CultureInfo.InvariantCulture)}");
}
