namespace ContactCenter.Contracts.Agents;

/// <summary>One interval of an agent's displayed state (REP-9).</summary>
/// <param name="State">The displayed state.</param>
/// <param name="Reason">The pause code when paused, the log-out reason when logged out, else null.</param>
/// <param name="Start">When the state began.</param>
/// <param name="End">When it ended; null for the current interval.</param>
public sealed record AgentStatusInterval(DisplayedState State, string? Reason, DateTimeOffset Start, DateTimeOffset? End);
