namespace ContactCenter.Grains.Ivr;

/// <summary>The call entered the tree: the walk starts at its start node.</summary>
public sealed record IvrEntered : IvrInput;
