using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The agent grain asked front end <paramref name="Media"/> to open the agent's persistent line
/// <paramref name="LineId"/> (log-in, or a resume after the line was lost).</summary>
/// <param name="At">When.</param>
/// <param name="LineId">The new line's id.</param>
/// <param name="Media">The front end that calls the agent's phone and holds the line.</param>
public sealed record AgentLineOpening(DateTimeOffset At, string LineId, ICallMedia Media) : AgentEvent(At);
