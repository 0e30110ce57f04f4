namespace ContactCenter.Contracts.Configuration;

/// <summary>How many interactions of a medium an agent handles at once; voice at most 1.</summary>
/// <param name="Medium">The medium.</param>
/// <param name="Max">Concurrent interactions; 0 = the agent does not take this medium.</param>
public sealed record MediumCapacity(Medium Medium, int Max);
