using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ContactCenter.Contracts.Validation;

namespace ContactCenter.Storage.Documents;

/// <summary>How the stores handle one document kind: its id and version members, its validation and its JSON shape.
/// The instances live in <see cref="DocumentTypes"/>.</summary>
internal sealed class DocumentType<T>(
    DocumentKind kind,
    Func<T, string> id,
    Func<T, long> version,
    Func<T, long, T> withVersion,
    Func<T, FieldErrors> validate,
    JsonTypeInfo<T> json)
    where T : class
{
    public DocumentKind Kind { get; } = kind;

    /// <summary>The kind as stored in the <c>kind</c> column and in change notifications.</summary>
    public string StoredKind { get; } = JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    public string IdOf(T document) => id(document);

    public long VersionOf(T document) => version(document);

    /// <summary>The document as it is to be stored at <paramref name="version"/> (the incoming version is ignored),
    /// after validating it as such; <see cref="InvalidDocumentException"/> when invalid.</summary>
    public T Prepare(T document, long version)
    {
        ArgumentNullException.ThrowIfNull(document);
        var prepared = withVersion(document, version);
        var errors = validate(prepared);
        return errors.IsValid ? prepared : throw new InvalidDocumentException(Kind, id(document), errors);
    }

    public T WithVersion(T document, long version) => withVersion(document, version);

    public string Serialize(T document) => JsonSerializer.Serialize(document, json);

    public T Deserialize(string body, long version) =>
        withVersion(JsonSerializer.Deserialize(body, json)
                    ?? throw new InvalidOperationException($"a stored {Kind} document is null"), version);
}
