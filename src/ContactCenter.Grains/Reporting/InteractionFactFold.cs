using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Reporting;

namespace ContactCenter.Grains.Reporting;

/// <summary>The interaction fact as a fold of its call's journal: a pure function of the fact so far and the next
/// event, applied once per journal version (a record at or below <see cref="InteractionFact.Version"/> is already in).
/// Events it has no use for only move the version.</summary>
public static class InteractionFactFold
{
    /// <summary>The fact of a call before its first event.</summary>
    public static InteractionFact Start(string callId) => new() { Id = callId };

    /// <summary>The fact after <paramref name="event"/>, the call journal's record <paramref name="version"/>.</summary>
    public static InteractionFact Apply(InteractionFact fact, CallEvent @event, long version)
    {
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(@event);
        if (version <= fact.Version)
        {
            return fact;
        }
        var at = @event.At;
        var next = @event switch
        {
            CallArrived e => fact with
            {
                Direction = CallDirection.Inbound,
                From = e.From,
                To = e.To,
                StartedAt = at,
                Attributes = fact.Attributes.SetItems(e.Attributes),
            },
            CallDialed e => fact with
            {
                Direction = CallDirection.Outbound,
                From = e.CallerNumber,
                To = e.Number,
                StartedAt = at,
                AgentId = e.AgentId,
            },
            CallEnteredIvr e => fact with { IvrTreeId = e.TreeId, IvrEnteredAt = fact.IvrEnteredAt ?? at },
            CallQueued e => fact with
            {
                FirstQueueId = fact.FirstQueueId ?? e.QueueId,
                QueueId = e.QueueId,
                QueuedAt = fact.QueuedAt ?? at,
                LastQueuedAt = at,
            },
            CallLeftQueue e => fact with { LeftQueueTo = e.Target, LeftQueueReason = e.Reason, LeftQueueAt = at },
            AgentRingStarted => fact with { Rings = fact.Rings + 1, LastRingAt = at },
            AgentRingEnded e => fact with { MissedBy = fact.MissedBy.Add(e.AgentId) },
            CallConnected e => Talked(fact, e.AgentId) with
            {
                AgentId = e.AgentId,
                AnsweredAt = fact.AnsweredAt ?? at,
                RingToAnswer = fact.RingToAnswer ?? (fact.LastRingAt is { } ring ? at - ring : null),
            },
            CallHeld => fact.HeldSince is null ? fact with { Holds = fact.Holds + 1, HeldSince = at } : fact,
            CallRetrieved => HoldClosed(fact, at),
            CallAttributeSet e => fact with { Attributes = fact.Attributes.SetItem(e.Key, e.Value) },
            CallNoteAdded e => fact with { Notes = fact.Notes.Add(e.Note) },
            CallCategorySet e => fact with { CategoryId = e.CategoryId },
            ConversationEnded e => HoldClosed(fact, at) with { ConversationEndedAt = at, EndedBy = e.By },
            CallAbandoned e => fact with { AbandonPhase = e.Phase },
            CallEnded e => HoldClosed(fact, at) with { EndedAt = at, EndReason = e.Reason },
            ConsultRingStarted => fact with { Consults = fact.Consults + 1 },
            ConsultAnswered e => Talked(fact, e.AgentId),
            ConferenceStarted => fact with { Conferenced = true },
            ConsultTransferred e => fact with
            {
                AgentId = e.ToAgentId,
                Transfers = fact.Transfers.Add(new InteractionTransfer(at, e.FromAgentId, new RoutingTarget(RoutingTargetKind.Agent, e.ToAgentId), Attended: true, Completed: true)),
            },
            CallTransferStarted e => fact with
            {
                Transfers = fact.Transfers.Add(new InteractionTransfer(at, e.AgentId, e.Target, Attended: false, Completed: false)),
            },
            CallTransferCompleted => fact.Transfers.IsEmpty ? fact : fact with
            {
                Transfers = fact.Transfers.SetItem(fact.Transfers.Length - 1, fact.Transfers[^1] with { Completed = true }),
            },
            ListenInStarted e => fact with { ListenIns = fact.ListenIns.Add(new InteractionListenIn(at, e.SupervisorId, e.Mode)) },
            _ => fact,
        };
        return next with { Version = version };
    }

    private static InteractionFact Talked(InteractionFact fact, string agentId) =>
        fact.Agents.Contains(agentId, StringComparer.Ordinal) ? fact : fact with { Agents = fact.Agents.Add(agentId) };

    private static InteractionFact HoldClosed(InteractionFact fact, DateTimeOffset at) =>
        fact.HeldSince is { } since ? fact with { HoldTime = fact.HoldTime + (at - since), HeldSince = null } : fact;
}
