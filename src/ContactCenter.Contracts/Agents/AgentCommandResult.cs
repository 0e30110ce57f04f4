namespace ContactCenter.Contracts.Agents;

/// <summary>The outcome of an agent command. A command whose target already holds succeeds without a change.</summary>
/// <param name="Succeeded">True when the command was accepted.</param>
/// <param name="Changed">True when it changed the agent (false for an accepted repeat).</param>
/// <param name="Error">Why it was refused, when it was.</param>
/// <param name="Message">A sentence for people and logs.</param>
public sealed record AgentCommandResult(bool Succeeded, bool Changed, AgentCommandError? Error = null, string? Message = null);
