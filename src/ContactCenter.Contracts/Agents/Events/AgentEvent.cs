using System.Text.Json.Serialization;

namespace ContactCenter.Contracts.Agents.Events;

/// <summary>A fact in an agent's journal; the agent's state is the fold of these, and projections (agent intervals,
/// counters) read them.</summary>
/// <param name="At">When it happened, on the runtime's clock.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$event")]
[JsonDerivedType(typeof(AgentLoggedIn), "logged-in")]
[JsonDerivedType(typeof(AgentLoggedOut), "logged-out")]
[JsonDerivedType(typeof(AgentProfileApplied), "profile-applied")]
[JsonDerivedType(typeof(AgentPaused), "paused")]
[JsonDerivedType(typeof(AgentResumed), "resumed")]
[JsonDerivedType(typeof(AgentQueueLoggedIn), "queue-logged-in")]
[JsonDerivedType(typeof(AgentQueueLoggedOut), "queue-logged-out")]
[JsonDerivedType(typeof(WorkReserved), "work-reserved")]
[JsonDerivedType(typeof(WorkRinging), "work-ringing")]
[JsonDerivedType(typeof(WorkAnswered), "work-answered")]
[JsonDerivedType(typeof(ReservationReleased), "reservation-released")]
[JsonDerivedType(typeof(WorkEnded), "work-ended")]
[JsonDerivedType(typeof(WrapUpEnded), "wrap-up-ended")]
[JsonDerivedType(typeof(AgentCountersReset), "counters-reset")]
[JsonDerivedType(typeof(NoAnswerPolicyTriggered), "no-answer-policy-triggered")]
[JsonDerivedType(typeof(AgentLineOpening), "line-opening")]
[JsonDerivedType(typeof(AgentLineUp), "line-up")]
[JsonDerivedType(typeof(AgentLineLost), "line-lost")]
[JsonDerivedType(typeof(AgentLineClosed), "line-closed")]
public abstract record AgentEvent(DateTimeOffset At);
