namespace ContactCenter.Actors;

/// <summary>On a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: injects the named state,
/// read before <see cref="Grain.OnActivateAsync"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName) : Attribute
{
    public string StateName { get; } = stateName;
}
