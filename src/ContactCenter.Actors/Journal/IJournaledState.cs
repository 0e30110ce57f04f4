namespace ContactCenter.Actors;

/// <summary>A journaled grain's state that folds its own events.</summary>
public interface IJournaledState<in TEvent>
{
    void Apply(TEvent @event);
}
