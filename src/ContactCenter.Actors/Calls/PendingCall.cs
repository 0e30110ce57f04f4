namespace ContactCenter.Actors.Calls;

/// <summary>A call whose answer has not arrived yet: a remote call, or a local call that had to wait for its turn.</summary>
internal abstract class PendingCall
{
    public long CallId { get; set; }

    /// <summary>The process the request went to; null for local calls.</summary>
    public SiloAddress? Target { get; set; }

    /// <summary>When the caller stops waiting, as a <see cref="TimeProvider.GetTimestamp"/> value.</summary>
    public long DeadlineTimestamp { get; set; }

    public GrainMethod? Method { get; set; }

    /// <summary>The grain called, for re-routing after "moved" and for error messages.</summary>
    public GrainId? Grain { get; set; }

    /// <summary>The observer called; its process being gone is <see cref="ObserverUnavailableException"/>.</summary>
    public ObserverId? Observer { get; set; }

    public bool IsObserverCall => Observer is not null;

    /// <summary>The arguments, kept while the call may still have to be re-routed.</summary>
    public object?[]? Arguments { get; set; }

    /// <summary>How often the call has been redirected so far.</summary>
    public int Hops { get; set; }

    /// <summary>Forwards the caller's cancellation to the process running the call; released when the call ends.</summary>
    public CancellationTokenRegistration Cancellation { get; set; }

    /// <summary>What the call was, for error messages ("IQueueGrain.Enqueue on queue/q1 at 10.0.0.2:11111@…"); built
    /// only when one is needed.</summary>
    public string Description =>
        $"{Method?.DisplayName} on {(object?)Grain ?? Observer}" + (Target is null ? "" : $" at {Target}");

    public abstract Task Task { get; }

    public abstract bool TrySetResult(object? value);

    public abstract bool TrySetException(Exception exception);

    /// <summary>Copies the outcome of a finished task of the same method.</summary>
    public abstract void CompleteFrom(Task finished);
}

internal sealed class PendingCall<T> : PendingCall
{

    // Continuations run asynchronously: completions arrive on socket readers and activation pumps, which must not run
    // the caller's code inline.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Task Task => _completion.Task;

    public override bool TrySetResult(object? value) => _completion.TrySetResult((T)value!);

    public override bool TrySetException(Exception exception) => exception is OperationCanceledException cancelled
        ? _completion.TrySetCanceled(cancelled.CancellationToken)
        : _completion.TrySetException(exception);

    public override void CompleteFrom(Task finished)
    {
        if (finished.IsCompletedSuccessfully)
        {
            _completion.TrySetResult(CompletedTasks.ValueOf<T>(finished));
        }
        else if (finished.IsCanceled)
        {
            _completion.TrySetCanceled();
        }
        else
        {
            _completion.TrySetException(finished.Exception!.InnerExceptions);
        }
    }
}
