namespace ContactCenter.Contracts.Callbacks;

/// <summary>A callback a caller asked for in the IVR (IVR-4): a task for <see cref="QueueId"/> to call
/// <see cref="Number"/> back, stored by the host's IVR services as the call's callback node accepts it and worked from
/// the queue's callback list.</summary>
public sealed record CallbackRequest
{
    /// <summary>Document id: <c>callback-</c> and a hash of the call and queue, so a repeated save of the same request
    /// stores it once.</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>The call it was asked in.</summary>
    public required string CallId { get; init; }

    /// <summary>The number to call back (the caller's).</summary>
    public required string Number { get; init; }

    /// <summary>The queue that receives the task.</summary>
    public required string QueueId { get; init; }

    /// <summary>The time the caller asked to be called at; null = as soon as possible.</summary>
    public DateTimeOffset? PreferredAt { get; init; }

    /// <summary>When the caller asked.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Where the task stands. Default <see cref="CallbackStatus.Pending"/>.</summary>
    public CallbackStatus Status { get; init; } = CallbackStatus.Pending;
}
