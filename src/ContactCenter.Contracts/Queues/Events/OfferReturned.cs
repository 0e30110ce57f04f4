using ContactCenter.Contracts.Agents;

namespace ContactCenter.Contracts.Queues.Events;

/// <summary>An offer came back without an answer (rang out, declined, reservation timed out, withdrawn by the caller
/// side); the work is available again at its original place (issue 4, item 5). Unless the reason is
/// <see cref="ReleaseReason.Withdrawn"/>, the agent joins the work's missed-by list and ranks last for it.</summary>
public sealed record OfferReturned(DateTimeOffset At, string WorkId, string AgentId, ReleaseReason Reason) : QueueEvent(At);
