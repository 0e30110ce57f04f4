using ContactCenter.Contracts.Contacts;
using ContactCenter.Contracts.Validation;

// The contact overload is a partial of the one document validator (so callers and the API validate every document the
// same way) kept beside the contact records it checks.
namespace ContactCenter.Contracts.Configuration;

public static partial class DocumentValidator
{
    /// <summary>Validates a contact. Phone numbers may be formatted (they must normalise through
    /// <see cref="PhoneNumber.Normalize"/>); duplicates are judged on the normal form, e-mail duplicates ignoring
    /// case.</summary>
    public static FieldErrors Validate(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var errors = new FieldErrorsBuilder();
        errors.Id(contact.Id, "id");
        errors.Version(contact.Version);
        errors.Text(contact.DisplayName, "displayName", ContactLimits.DisplayNameLength);
        errors.Text(contact.Company, "company", ContactLimits.CompanyLength, required: false);
        errors.Require(Enum.IsDefined(contact.Status), "status", "is not a known contact status");
        NoNul(errors, contact.DisplayName, "displayName");
        NoNul(errors, contact.Company, "company");
        ContactPhones(errors, contact);
        ContactEmails(errors, contact);
        CustomFields(errors, contact);
        return errors.Build();
    }

    private static void ContactPhones(FieldErrorsBuilder errors, Contact contact)
    {
        var phones = Defaulted(contact.Phones);
        errors.Require(phones.Length <= ContactLimits.MaxPhones, "phones", $"must hold at most {ContactLimits.MaxPhones} numbers");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < phones.Length; i++)
        {
            var field = $"phones[{i}]";
            if (phones[i] is not { } phone)
            {
                errors.Add(field, "is required");
                continue;
            }
            if (string.IsNullOrWhiteSpace(phone.Number))
            {
                errors.Add($"{field}.number", "is required");
            }
            else if (PhoneNumber.Normalize(phone.Number) is not { } normalized)
            {
                errors.Add($"{field}.number",
                    $"must be an optional '+' and {PhoneNumber.MinDigits}-{PhoneNumber.MaxDigits} digits (spaces, '-', '.' and parentheses allowed)");
            }
            else if (!seen.Add(normalized))
            {
                errors.Add($"{field}.number", "duplicates an earlier number");
            }
            errors.Text(phone.Label, $"{field}.label", ContactLimits.LabelLength, required: false);
            NoNul(errors, phone.Label, $"{field}.label");
        }
    }

    private static void ContactEmails(FieldErrorsBuilder errors, Contact contact)
    {
        var emails = Defaulted(contact.Emails);
        errors.Require(emails.Length <= ContactLimits.MaxEmails, "emails", $"must hold at most {ContactLimits.MaxEmails} addresses");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < emails.Length; i++)
        {
            var field = $"emails[{i}]";
            if (string.IsNullOrWhiteSpace(emails[i]))
            {
                errors.Add(field, "is required");
            }
            else if (!EmailAddress.IsWellFormed(emails[i]) || emails[i].Contains('\0', StringComparison.Ordinal))
            {
                errors.Add(field, $"must be an e-mail address of at most {ContactLimits.EmailLength} characters");
            }
            else if (!seen.Add(EmailAddress.Key(emails[i])))
            {
                errors.Add(field, "duplicates an earlier address");
            }
        }
    }

    private static void CustomFields(FieldErrorsBuilder errors, Contact contact)
    {
        if (contact.CustomFields is not { } fields)
        {
            errors.Add("customFields", "is required");
            return;
        }
        errors.Require(fields.Count <= ContactLimits.MaxCustomFields, "customFields",
            $"must hold at most {ContactLimits.MaxCustomFields} fields");
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var field = $"customFields.{name}";
            errors.Require(name.Length is > 0 and <= ContactLimits.CustomFieldNameLength && !name.Any(char.IsWhiteSpace),
                field, $"name must be 1-{ContactLimits.CustomFieldNameLength} characters without white space");
            if (value is null)
            {
                errors.Add(field, "must have a value");
            }
            else if (value.Length > ContactLimits.CustomFieldValueLength)
            {
                errors.Add(field, $"must be at most {ContactLimits.CustomFieldValueLength} characters");
            }
            NoNul(errors, name, field);
            NoNul(errors, value, field);
        }
    }

    // PostgreSQL text and jsonb cannot hold U+0000; refusing it here keeps both directories accepting the same documents.
    private static void NoNul(FieldErrorsBuilder errors, string? value, string field) =>
        errors.Require(value is null || !value.Contains('\0', StringComparison.Ordinal), field, "must not contain NUL characters");
}
