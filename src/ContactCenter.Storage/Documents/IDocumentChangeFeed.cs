namespace ContactCenter.Storage.Documents;

/// <summary>What an <see cref="IDocumentStore"/> promises about its <see cref="IDocumentStore.Changed"/> event, for a
/// cache over it (<see cref="CachingDocumentStore"/>): whether every committed write to its documents is raised, other
/// processes' writes included. A store that does not implement this promises nothing, and nothing is cached over
/// it.</summary>
public interface IDocumentChangeFeed
{
    /// <summary>True while <see cref="IDocumentStore.Changed"/> is raised for every committed write to the store's
    /// documents, whoever wrote it: always for a store in process memory; for <see cref="PostgresDocumentStore"/>, while
    /// its <see cref="PostgresDocumentChangeListener"/> holds <c>LISTEN</c>.</summary>
    bool IsComplete { get; }

    /// <summary>Raised when <see cref="IsComplete"/> turns false (changes may be missed from now on) or true again (changes
    /// committed while it was false were missed). Handlers must be quick and must not throw.</summary>
    event EventHandler? CompletenessChanged;
}
