using System.Text.RegularExpressions;

namespace ContactCenter.Contracts.Validation;

/// <summary>The one rule for external numbers, for validators and commands alike.</summary>
public static partial class PhoneNumbers
{
    /// <summary>What <see cref="IsValid"/> requires, for messages.</summary>
    public const string Rule = "an optional '+' followed by 3-20 digits";

    /// <summary>True for an E.164-like number: an optional '+' and 3-20 digits, no formatting characters.</summary>
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex(@"^\+?[0-9]{3,20}$")]
    private static partial Regex Pattern();
}
