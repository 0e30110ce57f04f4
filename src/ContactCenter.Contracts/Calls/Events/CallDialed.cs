using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Contracts.Calls.Events;

/// <summary>An agent started a call to an external number.</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The agent.</param>
/// <param name="Number">The external number.</param>
/// <param name="CallerNumber">The caller id presented.</param>
/// <param name="Media">The front end placing the legs.</param>
/// <param name="ConsultedCallId">The agent's call this one consults from (no slot of the agent's of its own); null for
/// an ordinary agent-initiated call.</param>
public sealed record CallDialed(DateTimeOffset At, string AgentId, string Number, string CallerNumber, ICallMedia Media, string? ConsultedCallId = null)
    : CallEvent(At);
