using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Contacts;

namespace ContactCenter.Storage.Tests.Contacts;

public sealed class ContactValidationTests
{
    private static readonly Contact Valid = new()
    {
        Id = "c-1",
        DisplayName = "Anna Nowak",
        Company = "Acme",
        Phones = [new ContactPhone("+48 (22) 555-01-02", "work"), new ContactPhone("+48600100200")],
        Emails = ["anna@example.com", "a.nowak@acme.example"],
        Status = ContactStatus.Vip,
        CustomFields = ImmutableDictionary<string, string>.Empty.Add("customerNo", "C-1001"),
    };

    private static readonly Dictionary<string, Func<Contact, Contact>> Cases = new()
    {
        ["missing id"] = c => c with { Id = "" },
        ["id with a space"] = c => c with { Id = "c 1" },
        ["negative version"] = c => c with { Version = -1 },
        ["empty name"] = c => c with { DisplayName = "" },
        ["blank name"] = c => c with { DisplayName = "   " },
        ["over-long name"] = c => c with { DisplayName = new string('n', ContactLimits.DisplayNameLength + 1) },
        ["name with NUL"] = c => c with { DisplayName = "Anna\0" },
        ["over-long company"] = c => c with { Company = new string('c', ContactLimits.CompanyLength + 1) },
        ["unknown status"] = c => c with { Status = (ContactStatus)7 },
        ["phone with letters"] = c => c with { Phones = [new ContactPhone("+48 22 CALL NOW")] },
        ["phone too short"] = c => c with { Phones = [new ContactPhone("12")] },
        ["empty phone"] = c => c with { Phones = [new ContactPhone(" ")] },
        ["duplicate phone after normalising"] = c => c with
        {
            Phones = [new ContactPhone("+48225550102"), new ContactPhone("+48 22 555 01 02")],
        },
        ["over-long phone label"] = c => c with { Phones = [new ContactPhone("+48225550102", new string('l', ContactLimits.LabelLength + 1))] },
        ["too many phones"] = c => c with
        {
            Phones = [.. Enumerable.Range(0, ContactLimits.MaxPhones + 1).Select(i => new ContactPhone($"+4860010{i:D4}"))],
        },
        ["bad e-mail"] = c => c with { Emails = ["anna.example.com"] },
        ["empty e-mail"] = c => c with { Emails = [""] },
        ["duplicate e-mail ignoring case"] = c => c with { Emails = ["anna@example.com", "ANNA@Example.com"] },
        ["too many e-mails"] = c => c with
        {
            Emails = [.. Enumerable.Range(0, ContactLimits.MaxEmails + 1).Select(i => $"a{i}@example.com")],
        },
        ["too many custom fields"] = c => c with
        {
            CustomFields = Enumerable.Range(0, ContactLimits.MaxCustomFields + 1).ToImmutableDictionary(i => $"f{i}", i => "v"),
        },
        ["over-long custom value"] = c => c with
        {
            CustomFields = ImmutableDictionary<string, string>.Empty.Add("note", new string('v', ContactLimits.CustomFieldValueLength + 1)),
        },
        ["over-long custom name"] = c => c with
        {
            CustomFields = ImmutableDictionary<string, string>.Empty.Add(new string('k', ContactLimits.CustomFieldNameLength + 1), "v"),
        },
        ["custom name with a space"] = c => c with { CustomFields = ImmutableDictionary<string, string>.Empty.Add("customer no", "v") },
        ["empty custom name"] = c => c with { CustomFields = ImmutableDictionary<string, string>.Empty.Add("", "v") },
        ["null custom fields"] = c => c with { CustomFields = null! },
    };

    [Fact]
    public void A_complete_contact_is_valid() => Assert.True(DocumentValidator.Validate(Valid).IsValid, DocumentValidator.Validate(Valid).ToString());

    [Fact]
    public void A_minimal_contact_is_valid()
    {
        var minimal = new Contact { Id = "c.2", DisplayName = "X" };
        Assert.True(DocumentValidator.Validate(minimal).IsValid);
        Assert.True(DocumentValidator.Validate(minimal with { Phones = default, Emails = default }).IsValid);
    }

    [Theory]
    [InlineData("missing id", "id")]
    [InlineData("id with a space", "id")]
    [InlineData("negative version", "version")]
    [InlineData("empty name", "displayName")]
    [InlineData("blank name", "displayName")]
    [InlineData("over-long name", "displayName")]
    [InlineData("name with NUL", "displayName")]
    [InlineData("over-long company", "company")]
    [InlineData("unknown status", "status")]
    [InlineData("phone with letters", "phones[0].number")]
    [InlineData("phone too short", "phones[0].number")]
    [InlineData("empty phone", "phones[0].number")]
    [InlineData("duplicate phone after normalising", "phones[1].number")]
    [InlineData("over-long phone label", "phones[0].label")]
    [InlineData("too many phones", "phones")]
    [InlineData("bad e-mail", "emails[0]")]
    [InlineData("empty e-mail", "emails[0]")]
    [InlineData("duplicate e-mail ignoring case", "emails[1]")]
    [InlineData("too many e-mails", "emails")]
    [InlineData("too many custom fields", "customFields")]
    [InlineData("over-long custom value", "customFields.note")]
    [InlineData("over-long custom name", "customFields.kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk")]
    [InlineData("custom name with a space", "customFields.customer no")]
    [InlineData("empty custom name", "customFields.")]
    [InlineData("null custom fields", "customFields")]
    public void Each_broken_rule_is_reported_on_its_field_only(string @case, string field)
    {
        var errors = DocumentValidator.Validate(Cases[@case](Valid));

        Assert.False(errors.IsValid);
        Assert.Equal([field], errors.Errors.Keys);
    }

    [Fact]
    public void Every_case_is_in_the_table() =>
        Assert.Equal(Cases.Count, typeof(ContactValidationTests).GetMethod(nameof(Each_broken_rule_is_reported_on_its_field_only))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Length);

    [Fact]
    public void Values_at_the_limits_are_valid()
    {
        var atLimits = Valid with
        {
            DisplayName = new string('n', ContactLimits.DisplayNameLength),
            Company = new string('c', ContactLimits.CompanyLength),
            Phones = [.. Enumerable.Range(0, ContactLimits.MaxPhones).Select(i => new ContactPhone($"+4860010{i:D4}", new string('l', ContactLimits.LabelLength)))],
            Emails = [.. Enumerable.Range(0, ContactLimits.MaxEmails).Select(i => $"a{i}@example.com")],
            CustomFields = Enumerable.Range(0, ContactLimits.MaxCustomFields)
                .ToImmutableDictionary(i => $"f{i}".PadRight(ContactLimits.CustomFieldNameLength, 'k'), _ => new string('v', ContactLimits.CustomFieldValueLength)),
        };

        var errors = DocumentValidator.Validate(atLimits);

        Assert.True(errors.IsValid, errors.ToString());
    }
}
