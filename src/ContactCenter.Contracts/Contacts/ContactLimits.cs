namespace ContactCenter.Contracts.Contacts;

/// <summary>Size limits of a <see cref="Contact"/>, checked by validation: a contact card is a small document read on
/// every identified call, not a place for bulk data.</summary>
public static class ContactLimits
{
    /// <summary>Longest display name.</summary>
    public const int DisplayNameLength = 200;

    /// <summary>Longest company name.</summary>
    public const int CompanyLength = 200;

    /// <summary>Most phone numbers per contact.</summary>
    public const int MaxPhones = 20;

    /// <summary>Longest phone type label.</summary>
    public const int LabelLength = 32;

    /// <summary>Most e-mail addresses per contact.</summary>
    public const int MaxEmails = 20;

    /// <summary>Longest e-mail address (the SMTP path limit, RFC 5321 §4.5.3.1.3).</summary>
    public const int EmailLength = 254;

    /// <summary>Most custom fields per contact.</summary>
    public const int MaxCustomFields = 50;

    /// <summary>Longest custom field name.</summary>
    public const int CustomFieldNameLength = 64;

    /// <summary>Longest custom field value.</summary>
    public const int CustomFieldValueLength = 1000;
}
