using ContactCenter.Contracts.Validation;

namespace ContactCenter.Storage.Contacts;

/// <summary>A contact given to the directory failed validation; <see cref="Errors"/> holds the field errors.</summary>
public sealed class InvalidContactException(FieldErrors errors)
    : ArgumentException($"invalid contact: {errors}")
{
    /// <summary>The field errors (camelCase JSON paths).</summary>
    public FieldErrors Errors { get; } = errors;
}
