namespace ContactCenter.Actors;

/// <summary>Marker for every grain interface. Grain interfaces declare only methods returning
/// <see cref="Task"/>, <see cref="Task{TResult}"/>, <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>.</summary>
public interface IGrain;
