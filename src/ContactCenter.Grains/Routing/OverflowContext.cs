namespace ContactCenter.Grains.Routing;

/// <summary>The queue state an overflow evaluation looks at.</summary>
/// <param name="Arriving">True when evaluating work at admission (queue-length rules apply only then).</param>
/// <param name="Waiting">Items already waiting, not counting the evaluated one.</param>
/// <param name="Waited">How long the evaluated item has waited (zero on arrival).</param>
/// <param name="LoggedInAgents">Agents logged in to the queue.</param>
public readonly record struct OverflowContext(bool Arriving, int Waiting, TimeSpan Waited, int LoggedInAgents);
