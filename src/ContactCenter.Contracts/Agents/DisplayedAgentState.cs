namespace ContactCenter.Contracts.Agents;

/// <summary>The displayed state and, when paused, the pause code.</summary>
/// <param name="State">The state shown.</param>
/// <param name="PauseCodeId">The pause reason when <paramref name="State"/> is <see cref="DisplayedState.Paused"/>.</param>
public sealed record DisplayedAgentState(DisplayedState State, string? PauseCodeId = null);
