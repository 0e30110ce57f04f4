using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace ContactCenter.Contracts.Validation;

/// <summary>Collects field errors while a validator walks a document.</summary>
internal sealed partial class FieldErrorsBuilder
{
    private readonly SortedDictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }
        messages.Add(message);
    }

    public void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            Add(field, message);
        }
    }

    /// <summary>Ids are short, URL-safe keys: documents are addressed by them in the API and in grain keys.</summary>
    public void Id(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, "is required");
        }
        else if (!IdPattern().IsMatch(value))
        {
            Add(field, "must be 1-64 characters of letters, digits, '-', '_' or '.'");
        }
    }

    public void TimeZone(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, "is required");
        }
        else
        {
            Require(TimeZoneInfo.TryFindSystemTimeZoneById(value, out _), field, "is not a known IANA time zone id");
        }
    }

    public void Version(long version) => Require(version >= 0, "version", "must not be negative");

    public void Text(string? value, string field, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Require(!required, field, "is required");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters");
        }
    }

    public void Range(int value, int min, int max, string field) =>
        Require(value >= min && value <= max, field, $"must be between {min} and {max}");

    public void Positive(TimeSpan value, string field) => Require(value > TimeSpan.Zero, field, "must be positive");

    public void NotNegative(TimeSpan value, string field) =>
        Require(value >= TimeSpan.Zero, field, "must not be negative");

    /// <summary>External numbers are E.164-like: an optional '+' and 3-20 digits, no formatting characters.</summary>
    public void PhoneNumber(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, "is required");
        }
        else if (!PhoneNumbers.IsValid(value))
        {
            Add(field, $"must be {PhoneNumbers.Rule}");
        }
    }

    public void Distinct<T>(ImmutableArray<T> items, Func<T, string> key, string field, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            if (!seen.Add(key(items[i])))
            {
                Add($"{field}[{i}]", $"duplicates an earlier {what}");
            }
        }
    }

    public FieldErrors Build()
    {
        if (_errors.Count == 0)
        {
            return FieldErrors.None;
        }
        var builder = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var (field, messages) in _errors)
        {
            builder[field] = [.. messages];
        }
        return new FieldErrors(builder.ToImmutable());
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex IdPattern();
}
