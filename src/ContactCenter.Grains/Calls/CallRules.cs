using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;

namespace ContactCenter.Grains.Calls;

/// <summary>The call's rules as pure functions of its state: each returns the events a command or a report raises,
/// none when it no longer fits (a late or repeated report), or why a command is refused. The call grain orchestrates:
/// it calls a rule, appends the events, then tells the queue, the agents and the front end.</summary>
/// <remarks>Inbound: Arrived → (Ivr) → Queued ⇄ Ringing → Connected → WrapUp → Ended; a queued call whose agent does not
/// answer goes back to Queued at its old place. Agent-initiated: Arrived (the agent's leg rings) → Dialing (the external
/// number rings) → Connected → WrapUp → Ended. The caller hanging up before Connected is an abandon, recorded with its
/// phase (REP-3). Within Connected (<c>CallRules.Transfer.cs</c>, <c>CallRules.Consult.cs</c>,
/// <c>CallRules.ListenIn.cs</c>): Held ⇄ talking; a blind transfer to a number is pending until the front end completes
/// it (WrapUp, then Ended as transferred) or fails (talking again); a blind transfer to a queue lets the agent go and
/// the call goes back through Arrived → Queued; a second agent (consultation, or a blind transfer to an agent) rings
/// while the customer holds, then talks with the agent (Consulting) or takes the call over (blind transfer), and a
/// consultation ends in an attended transfer (the second agent becomes the call's agent), a Conference, or a cancel;
/// a second agent that does not answer or hangs up leaves the customer with the agent. Supervisors listen in while
/// connected; the conversation's end ends the consultation and every listen-in.</remarks>
public static partial class CallRules
{
    /// <summary>Longest note, in characters.</summary>
    public const int NoteLength = 4000;

    /// <summary>Longest attribute key and value, in characters.</summary>
    public const int AttributeKeyLength = 100, AttributeValueLength = 2000;

    /// <summary>How long an agent's own phone may ring for a call the agent dials.</summary>
    public static readonly TimeSpan DialRingTimeout = TimeSpan.FromSeconds(30);

    /// <summary>An inbound call arrives. One for an IVR tree enters it (<see cref="EnterIvr"/>) once the caller is
    /// answered, so a caller who hangs up before that is an abandon before the IVR.</summary>
    /// <param name="state">The call so far.</param>
    /// <param name="arrival">The front end's arrival.</param>
    /// <param name="now">The time.</param>
    /// <param name="placerHeld">Whether <see cref="CallArrival.PlacedBy"/>'s slot was reserved for the call; the call
    /// records the placing agent only then, to free the slot when it ends.</param>
    public static CallDecision Arrive(CallState state, CallArrival arrival, DateTimeOffset now, bool placerHeld = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(arrival);
        if (state.Phase is not null)
        {
            return CallDecision.Fail(CallCommandError.AlreadyStarted, "the call already started");
        }
        if (string.IsNullOrWhiteSpace(arrival.From) || string.IsNullOrWhiteSpace(arrival.To) || arrival.Media is null)
        {
            return CallDecision.Fail(CallCommandError.InvalidRequest, "an arrival needs the calling and called numbers and its front end");
        }
        if ((arrival.Target is null) == string.IsNullOrEmpty(arrival.IvrTreeId))
        {
            return CallDecision.Fail(CallCommandError.InvalidRequest, "an arrival leads either to a target or to an IVR tree");
        }
        return CallDecision.Emit(new CallArrived(now, arrival.From, arrival.To, arrival.Media, arrival.Target, arrival.CallerBoost,
            arrival.Attributes, placerHeld ? arrival.PlacedBy : null));
    }

    /// <summary>An agent dials an external number: the agent's own line rings first.</summary>
    public static CallDecision Dial(CallState state, CallDial dial, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(dial);
        if (state.Phase is not null)
        {
            return CallDecision.Fail(CallCommandError.AlreadyStarted, "the call already started");
        }
        if (string.IsNullOrWhiteSpace(dial.AgentId) || string.IsNullOrWhiteSpace(dial.Number) || dial.Media is null)
        {
            return CallDecision.Fail(CallCommandError.InvalidRequest, "a dial needs the agent, the number and its front end");
        }
        return CallDecision.Emit(
            new CallDialed(now, dial.AgentId, dial.Number, dial.CallerNumber, dial.Media, dial.ConsultedCallId),
            new AgentRingStarted(now, dial.AgentId, null, now + DialRingTimeout, TimeSpan.Zero));
    }

    /// <summary>Whether the call may be routed now: it arrived or is in its IVR (null when it may).</summary>
    public static CallDecision? CheckRoutable(CallState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Phase is CallPhase.Arrived or CallPhase.Ivr && state.Direction == CallDirection.Inbound
            ? null
            : CallDecision.Fail(CallCommandError.InvalidPhase, $"a call in phase {state.Phase?.ToString() ?? "not started"} cannot be routed");
    }

    /// <summary>The queue took the call.</summary>
    public static CallDecision Queued(CallState state, string queueId, int callerBoost, DateTimeOffset now) =>
        CheckRoutable(state) ?? CallDecision.Emit(new CallQueued(now, queueId, callerBoost));

    /// <summary>The call leaves its queue (overflow while waiting, or the closed action) for <paramref name="target"/>.
    /// A report about another queue, or one that comes while an agent rings, changes nothing.</summary>
    public static CallDecision LeftQueue(CallState state, string queueId, RoutingTarget target, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var waitsThere = state.Phase == CallPhase.Queued && state.QueueId == queueId;
        var closedOnArrival = state.Phase is CallPhase.Arrived or CallPhase.Ivr;
        return waitsThere || closedOnArrival
            ? CallDecision.Emit(new CallLeftQueue(now, queueId, target, reason))
            : CallDecision.NoChange($"the call is not waiting in queue {queueId}");
    }

    /// <summary>A queue reserved an agent for the call: its line rings until the queue's ring timeout. A notice that no
    /// longer fits (the call left the queue, or already rings) changes nothing.</summary>
    public static CallDecision Offered(CallState state, WorkOfferedNotice notice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(notice);
        if (state.Phase != CallPhase.Queued || state.QueueId != notice.QueueId)
        {
            return state.Phase == CallPhase.Ringing && state.OfferId == notice.OfferId
                ? CallDecision.NoChange($"offer {notice.OfferId} already rings at {notice.AgentId}")
                : CallDecision.NoChange($"the call does not wait in queue {notice.QueueId}");
        }
        return CallDecision.Emit(new AgentRingStarted(now, notice.AgentId, notice.QueueId, now + notice.RingTimeout,
            notice.WrapUpTime, notice.OfferId));
    }

    /// <summary>The queue found that the ringing agent no longer holds the offer (its own deadline freed it): as
    /// <see cref="RingFailed"/> with no answer, for that offer only.</summary>
    public static CallDecision OfferLapsed(CallState state, OfferLapsedNotice notice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(notice);
        return state.Phase == CallPhase.Ringing && state.OfferId == notice.OfferId
            ? RingFailed(state, notice.AgentId, AgentLegFailure.NoAnswer, now)
            : CallDecision.NoChange($"offer {notice.OfferId} is not ringing");
    }

    /// <summary>The call is routed to one agent whose arbiter granted a slot (ROUTE-1).</summary>
    public static CallDecision OfferedDirectly(CallState state, string agentId, TimeSpan ringTimeout, DateTimeOffset now) =>
        CheckRoutable(state) ?? CallDecision.Emit(new AgentRingStarted(now, agentId, null, now + ringTimeout, TimeSpan.Zero));

    /// <summary>The call goes to a number or line outside the platform and ends here.</summary>
    public static CallDecision Forwarded(CallState state, RoutingTarget target, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        return CheckRoutable(state) ?? CallDecision.Emit(new CallEnded(now, CallEndReason.Forwarded, target.Value));
    }

    /// <summary>The call ends for <paramref name="reason"/> (closed queue, failed routing, lost media); a call already
    /// over changes nothing.</summary>
    public static CallDecision End(CallState state, CallEndReason reason, string? detail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.IsLive
            ? CallDecision.Emit(new CallEnded(now, reason, detail))
            : CallDecision.NoChange("the call is over");
    }
}
