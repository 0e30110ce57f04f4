namespace ContactCenter.Actors;

/// <summary>A grain's named, versioned state document. Writes are compare-and-swap on <see cref="Version"/>: a write
/// that finds a newer version throws <see cref="InconsistentStateException"/> and the activation is discarded.</summary>
public interface IPersistentState<TState> where TState : class, new()
{
    /// <summary>The state as last read or written (a new <typeparamref name="TState"/> when nothing was stored).</summary>
    TState State { get; set; }

    /// <summary>The stored version this activation holds; 0 when nothing was ever written.</summary>
    long Version { get; }

    /// <summary>Whether a document is stored (false before the first write and after a clear).</summary>
    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
