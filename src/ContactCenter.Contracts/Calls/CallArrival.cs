using System.Collections.Immutable;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Calls;

/// <summary>An inbound call as the front end hands it over.</summary>
public sealed record CallArrival
{
    /// <summary>The caller's number.</summary>
    public required string From { get; init; }

    /// <summary>The dialled number.</summary>
    public required string To { get; init; }

    /// <summary>The front end holding the call's legs; the call grain drives it.</summary>
    public required ICallMedia Media { get; init; }

    /// <summary>Where the dialled number leads: a queue, an agent, an external number. Null when an IVR tree takes the
    /// call (<see cref="IvrTreeId"/>): the call grain walks the tree, which queues, transfers or ends the call
    /// (<see cref="ICallGrain.RouteAsync"/> may still route it from outside meanwhile).</summary>
    public RoutingTarget? Target { get; init; }

    /// <summary>The IVR tree the call enters, when the number leads to one; the version current at arrival applies to
    /// the whole call.</summary>
    public string? IvrTreeId { get; init; }

    /// <summary>Extra priority of the caller (contact status such as VIP).</summary>
    public int CallerBoost { get; init; }

    /// <summary>The agent whose own phone placed this call (an internal call to another agent or a queue). While the call
    /// lasts it holds one of that agent's slots, when the agent has one free, so no other work is offered to an agent
    /// who is talking on it.</summary>
    public string? PlacedBy { get; init; }

    /// <summary>Data known on arrival (trunk, caller identity).</summary>
    public ImmutableDictionary<string, string> Attributes { get; init; } = ImmutableDictionary<string, string>.Empty;
}
