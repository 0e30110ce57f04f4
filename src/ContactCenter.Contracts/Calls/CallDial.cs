using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Contracts.Calls;

/// <summary>An agent-initiated call.</summary>
/// <param name="AgentId">The agent who dials.</param>
/// <param name="Number">The external number.</param>
/// <param name="CallerNumber">The caller id presented to the called party.</param>
/// <param name="Media">The front end that places the legs.</param>
public sealed record CallDial(string AgentId, string Number, string CallerNumber, ICallMedia Media);
