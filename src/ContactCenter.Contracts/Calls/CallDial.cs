using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Contracts.Calls;

/// <summary>An agent-initiated call.</summary>
/// <param name="AgentId">The agent who dials.</param>
/// <param name="Number">The external number.</param>
/// <param name="CallerNumber">The caller id presented to the called party.</param>
/// <param name="Media">The front end that places the legs.</param>
/// <param name="ConsultedCallId">The agent's connected call this one is a consultation from (a second call the agent's
/// phone places while on that call, to transfer its customer to the number): no agent slot is reserved for it, the
/// agent's work on that call covers it. Null for an ordinary agent-initiated call.</param>
public sealed record CallDial(string AgentId, string Number, string CallerNumber, ICallMedia Media, string? ConsultedCallId = null);
