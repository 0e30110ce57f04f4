namespace ContactCenter.Contracts.Contacts;

/// <summary>One phone number of a contact: digits with an optional leading '+' (the form
/// <see cref="PhoneNumber.Normalize"/> produces; the directory stores numbers normalised) and an optional type label
/// such as <c>mobile</c> or <c>work</c>.</summary>
/// <param name="Number">The number; formatted input such as <c>+48 (22) 555-01-02</c> is normalised on write.</param>
/// <param name="Label">Optional type label, at most <see cref="ContactLimits.LabelLength"/> characters.</param>
public sealed record ContactPhone(string Number, string? Label = null);
