using System.Collections.Immutable;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Calls.Events;

/// <summary>An inbound call reached the platform.</summary>
/// <param name="At">When.</param>
/// <param name="From">The caller's number.</param>
/// <param name="To">The dialled number.</param>
/// <param name="Media">The front end holding the call's legs.</param>
/// <param name="Target">Where the number leads, unless an IVR takes the call.</param>
/// <param name="CallerBoost">Extra work priority of the caller.</param>
/// <param name="Attributes">Data known on arrival.</param>
/// <param name="PlacedBy">The agent whose phone placed the call and whose slot it holds until it ends; null when it holds
/// none (every call from outside).</param>
public sealed record CallArrived(DateTimeOffset At, string From, string To, ICallMedia Media, RoutingTarget? Target,
    int CallerBoost, ImmutableDictionary<string, string> Attributes, string? PlacedBy = null) : CallEvent(At);
