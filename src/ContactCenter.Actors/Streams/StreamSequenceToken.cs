namespace ContactCenter.Actors;

/// <summary>An item's place in its stream: numbers rise by one per item within an <see cref="Epoch"/>. A subscriber that
/// sees a gap, or a new epoch (the stream's rendezvous moved after a failure), has missed items and resynchronises
/// from a snapshot.</summary>
public readonly record struct StreamSequenceToken(Guid Epoch, long Sequence)
{
    /// <summary>Whether <paramref name="next"/> follows this token directly.</summary>
    public bool IsFollowedBy(StreamSequenceToken next) => next.Epoch == Epoch && next.Sequence == Sequence + 1;
}
