using ContactCenter.Contracts.Validation;

namespace ContactCenter.Storage.Documents;

/// <summary>A document given to the store failed validation and was not stored; <see cref="Errors"/> holds the field
/// errors.</summary>
public sealed class InvalidDocumentException(DocumentKind kind, string? id, FieldErrors errors)
    : ArgumentException($"invalid {kind} '{id}': {errors}")
{
    /// <summary>The kind of the document refused.</summary>
    public DocumentKind Kind { get; } = kind;

    /// <summary>The id of the document refused, as given (possibly itself invalid).</summary>
    public string? Id { get; } = id;

    /// <summary>The field errors (camelCase JSON paths).</summary>
    public FieldErrors Errors { get; } = errors;
}
