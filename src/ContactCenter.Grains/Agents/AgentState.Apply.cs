using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Grains.Agents;

public sealed partial record AgentState
{
    /// <summary>The state after <paramref name="event"/>. Total: an event naming a slot the agent does not hold changes
    /// nothing, because <see cref="AgentRules"/> never raises one and a journal must always replay.</summary>
    public AgentState Apply(AgentEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var at = @event.At;
        var next = @event switch
        {
            AgentLoggedIn e => LoggedIn(e),
            AgentLoggedOut e => LoggedOut(e),
            AgentProfileApplied e => this with
            {
                Profile = e.Profile,
                Queues = [.. Queues.Where(q => e.Profile.Queues.Any(m => m.QueueId == q.QueueId))
                    .Select(q => q with { Priority = e.Profile.Queues.First(m => m.QueueId == q.QueueId).Priority })],
            },
            AgentPaused e => this with
            {
                Presence = Presence.Paused,
                PauseCodeId = e.PauseCodeId,
                PresenceSince = at,
                Counters = Counters with { PauseTime = Counters.PauseTime + PausedSoFar(at) },
            },
            AgentResumed => this with
            {
                Presence = Presence.Available,
                PauseCodeId = null,
                PresenceSince = at,
                Counters = Counters with { PauseTime = Counters.PauseTime + PausedSoFar(at) },
            },
            AgentQueueLoggedIn e => this with
            {
                Queues = [.. Queues.Where(q => q.QueueId != e.QueueId), new AgentQueuePriority(e.QueueId, e.Priority)],
            },
            AgentQueueLoggedOut e => this with { Queues = [.. Queues.Where(q => q.QueueId != e.QueueId)] },
            WorkReserved e => this with
            {
                Work = Work.Add(new AgentWork(e.Request.WorkId, e.Request.Medium, e.Request.QueueId,
                    AgentActivity.Reserved, at, at + e.Request.ReserveTimeout, e.Request.WrapUpTime, e.Request.RingTimeout)),
                Counters = Counters with { Reserved = Counters.Reserved + 1 },
            },
            WorkRinging e => WithWork(e.WorkId, w => w with
            {
                Activity = AgentActivity.Ringing, Since = at, Deadline = at + w.RingTimeout,
            }, c => c with { Offered = c.Offered + 1 }),
            WorkAnswered e => WithWork(e.WorkId, w => w with
            {
                Activity = w.Medium == Medium.Voice ? AgentActivity.Busy : AgentActivity.Chatting, Since = at, Deadline = null,
            }, c => c with { Answered = c.Answered + 1 }),
            ReservationReleased e => Released(e),
            WorkEnded e => Ended(e),
            WrapUpEnded e => WithWork(e.WorkId, _ => null,
                c => c with { WrapUpTime = c.WrapUpTime + Counted(FindWork(e.WorkId)?.Since, at) }),
            AgentCountersReset => this with { Counters = new AgentCounters { Since = at } },
            NoAnswerPolicyTriggered => this with { RecentMisses = [] },
            AgentLineOpening e => this with { Line = new AgentLine(e.LineId, e.Media, Up: false) },
            AgentLineUp e => Line?.LineId == e.LineId ? this with { Line = Line with { Up = true, OfferAddress = e.OfferAddress } } : this,
            AgentLineLost e => Line?.LineId == e.LineId ? this with { Line = null } : this,
            AgentLineClosed e => Line?.LineId == e.LineId ? this with { Line = null } : this,
            _ => throw new NotSupportedException($"agent event {@event.GetType().Name} has no transition"),
        };
        return next.Tracked(this, at);
    }

    private AgentState LoggedIn(AgentLoggedIn e) => this with
    {
        Profile = e.Profile,
        Presence = Presence.Available,
        PauseCodeId = null,
        PresenceSince = e.At,
        LoggedInSince = e.At,
        LogoutReason = null,
        Queues = e.Queues.IsDefault ? [] : e.Queues,
        IdleSince = Work.IsEmpty ? e.At : IdleSince,
        Counters = Counters.Since == default ? Counters with { Since = e.At } : Counters,
    };

    private AgentState LoggedOut(AgentLoggedOut e)
    {
        var wrapUp = TimeSpan.Zero;
        foreach (var work in Work.Where(w => w.Activity == AgentActivity.WrapUp))
        {
            wrapUp += Counted(work.Since, e.At);
        }
        return this with
        {
            Presence = Presence.LoggedOut,
            PauseCodeId = null,
            PresenceSince = e.At,
            LoggedInSince = null,
            LogoutReason = e.Reason,
            Queues = [],
            Work = Work.RemoveAll(w => w.Activity == AgentActivity.WrapUp),
            Counters = Counters with
            {
                PauseTime = Counters.PauseTime + PausedSoFar(e.At),
                LoggedInTime = Counters.LoggedInTime + Counted(LoggedInSince, e.At),
                WrapUpTime = Counters.WrapUpTime + wrapUp,
            },
        };
    }

    private AgentState Released(ReservationReleased e)
    {
        var missed = e.Reason == ReleaseReason.NoAnswer && FindWork(e.WorkId) is not null;
        var next = WithWork(e.WorkId, _ => null, c => e.Reason switch
        {
            ReleaseReason.Declined => c with { Declined = c.Declined + 1 },
            ReleaseReason.NoAnswer => c with { Missed = c.Missed + 1 },
            ReleaseReason.Timeout => c with { ReservationTimeouts = c.ReservationTimeouts + 1 },
            _ => c,
        });
        if (!missed)
        {
            return next;
        }
        var misses = RecentMisses.Add(e.At);
        return next with
        {
            RecentMisses = misses.Length > MissLimit ? misses.RemoveRange(0, misses.Length - MissLimit) : misses,
        };
    }

    private AgentState Ended(WorkEnded e)
    {
        if (FindWork(e.WorkId) is not { } work)
        {
            return this;
        }
        var handling = Counted(work.Since, e.At);
        var counters = Counters with
        {
            Handled = Counters.Handled + 1,
            HandledCalls = Counters.HandledCalls + (work.Medium == Medium.Voice ? 1 : 0),
            TalkTime = Counters.TalkTime + (work.Medium == Medium.Voice ? handling : TimeSpan.Zero),
            ChatTime = Counters.ChatTime + (work.Medium == Medium.Voice ? TimeSpan.Zero : handling),
        };
        return WithWork(e.WorkId, w => w.WrapUpTime > TimeSpan.Zero
            ? w with { Activity = AgentActivity.WrapUp, Since = e.At, Deadline = e.At + w.WrapUpTime }
            : null, _ => counters);
    }

    private TimeSpan PausedSoFar(DateTimeOffset at) => Presence == Presence.Paused ? Counted(PresenceSince, at) : TimeSpan.Zero;

    /// <summary>Replaces (or, for null, removes) the slot of <paramref name="workId"/> and updates the counters.</summary>
    private AgentState WithWork(string workId, Func<AgentWork, AgentWork?> change, Func<AgentCounters, AgentCounters> count)
    {
        if (FindWork(workId) is not { } work)
        {
            return this;
        }
        var changed = change(work);
        return this with
        {
            Work = changed is null ? Work.Remove(work) : Work.Replace(work, changed),
            Counters = count(Counters),
        };
    }

    /// <summary>Occupancy bookkeeping and the displayed-state history, from the state before the event.</summary>
    private AgentState Tracked(AgentState before, DateTimeOffset at)
    {
        var next = this with { UpdatedAt = at > UpdatedAt ? at : UpdatedAt };
        if (before.Work.IsEmpty && !Work.IsEmpty)
        {
            next = next with { OccupiedSince = at };
        }
        else if (!before.Work.IsEmpty && Work.IsEmpty)
        {
            next = next with
            {
                OccupiedSince = null,
                IdleSince = at,
                Counters = next.Counters with { OccupiedTime = next.Counters.OccupiedTime + next.Counted(before.OccupiedSince, at) },
            };
        }
        var shown = next.Display();
        var reason = next.ReasonOf(shown);
        if (History.LastOrDefault() is { } last && last.State == shown.State && last.Reason == reason)
        {
            return next;
        }
        var history = History;
        if (!history.IsEmpty)
        {
            history = history.SetItem(history.Length - 1, history[^1] with { End = at });
        }
        history = history.Add(new AgentStatusInterval(shown.State, reason, at, null));
        if (history.Length > HistoryLimit)
        {
            history = history.RemoveRange(0, history.Length - HistoryLimit);
        }
        return next with { History = history };
    }

    private string? ReasonOf(DisplayedAgentState shown) => shown.State switch
    {
        DisplayedState.Paused => shown.PauseCodeId,
        DisplayedState.LoggedOut => LogoutReason,
        _ => null,
    };
}
