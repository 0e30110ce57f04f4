using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Agents.Events;

/// <summary>A changed profile took effect: skills and capacities change; logged-in queues no longer in the profile are
/// left and the others take the profile's priority.</summary>
public sealed record AgentProfileApplied(DateTimeOffset At, AgentProfile Profile) : AgentEvent(At);
