namespace ContactCenter.Actors.Activation;

/// <summary>One turn of an activation: a call, a timer tick, the activation or the deactivation.</summary>
internal abstract class WorkItem
{
    /// <summary>Read-only turns may overlap with each other, never with other turns.</summary>
    public virtual bool IsReadOnly => false;

    /// <summary>Whether running it counts as use for idle collection (timer ticks do not keep a grain alive).</summary>
    public virtual bool CountsAsActivity => true;

    /// <summary>Runs the turn; the activation starts the next turn when the returned task completes.</summary>
    public abstract Task ExecuteAsync(ActivationData activation);

    /// <summary>The activation will never run this item: it was never owned here (<paramref name="movedTo"/> says where
    /// the grain is, when known), it ended before reaching the item, or it failed to activate (<paramref name="failure"/>).</summary>
    public abstract void Reject(SiloAddress? movedTo, Exception? failure);
}
