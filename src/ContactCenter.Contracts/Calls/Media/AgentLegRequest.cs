namespace ContactCenter.Contracts.Calls.Media;

/// <summary>Ring an agent for a call.</summary>
/// <param name="AgentId">The agent; the front end finds its line (registered phone, persistent line) and, in its profile,
/// whether the phone should answer by itself (<see cref="Configuration.AgentProfile.AutoAnswer"/>).</param>
/// <param name="CallerNumber">The number shown to the agent.</param>
/// <param name="RingTimeout">How long the front end lets it ring before reporting no answer.</param>
public sealed record AgentLegRequest(string AgentId, string CallerNumber, TimeSpan RingTimeout);
