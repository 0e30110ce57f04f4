using System.Collections.Immutable;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Grains.Agents;

/// <summary>What <see cref="AgentRules"/> decided for one command: the events to raise (none for an accepted repeat),
/// or why it was refused (then no events).</summary>
/// <param name="Events">Events to append, in order.</param>
/// <param name="Error">The command error when refused.</param>
/// <param name="Refusal">The eligibility rule that refused a reservation.</param>
/// <param name="Message">A sentence for people and logs.</param>
public sealed record AgentDecision(ImmutableArray<AgentEvent> Events, AgentCommandError? Error = null,
    ExclusionReason? Refusal = null, string? Message = null)
{
    /// <summary>True when the command was accepted (with or without events).</summary>
    public bool Accepted => Error is null && Refusal is null;

    /// <summary>Accepted with events.</summary>
    public static AgentDecision Emit(params AgentEvent[] events) => new([.. events]);

    /// <summary>Accepted; the target already holds.</summary>
    public static AgentDecision NoChange(string message) => new([], Message: message);

    /// <summary>Refused as a command.</summary>
    public static AgentDecision Fail(AgentCommandError error, string message) => new([], error, Message: message);

    /// <summary>Refused by the eligibility rules.</summary>
    public static AgentDecision Refuse(ExclusionReason reason, string message) => new([], Refusal: reason, Message: message);

    /// <summary>The answer of an ordinary command.</summary>
    public AgentCommandResult ToResult() => new(Accepted, !Events.IsDefaultOrEmpty, Error, Message);

    /// <summary>The answer of <see cref="IAgentGrain.TryReserveAsync"/>.</summary>
    public ReservationResult ToReservation() => new(Accepted, Refusal, Error, Message);
}
