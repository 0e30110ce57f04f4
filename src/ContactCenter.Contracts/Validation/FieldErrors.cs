using System.Collections.Immutable;

namespace ContactCenter.Contracts.Validation;

/// <summary>The outcome of validating a document: messages per field path (camelCase JSON path such as
/// <c>businessHours[2].close</c>), in the shape a problem+json <c>errors</c> member expects.</summary>
public sealed class FieldErrors
{
    /// <summary>No errors.</summary>
    public static readonly FieldErrors None = new(ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty);

    internal FieldErrors(ImmutableSortedDictionary<string, ImmutableArray<string>> errors) => Errors = errors;

    /// <summary>One message on one field (a rule that spans documents, such as "the last admin").</summary>
    public static FieldErrors Of(string field, string message) =>
        new(ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty.Add(field, [message]));

    /// <summary>Messages per field path, sorted by path so output is stable.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> Errors { get; }

    /// <summary>True when the document has no errors.</summary>
    public bool IsValid => Errors.IsEmpty;

    /// <summary>True when <paramref name="field"/> has at least one message.</summary>
    public bool Has(string field) => Errors.ContainsKey(field);

    /// <summary>A copy as the mutable dictionary ASP.NET Core's validation problem takes.</summary>
    public Dictionary<string, string[]> ToDictionary()
    {
        var result = new Dictionary<string, string[]>(Errors.Count, StringComparer.Ordinal);
        foreach (var (field, messages) in Errors)
        {
            result[field] = [.. messages];
        }
        return result;
    }

    /// <inheritdoc />
    public override string ToString() =>
        IsValid ? "valid" : string.Join("; ", Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
}
