namespace ContactCenter.Contracts.Configuration;

/// <summary>A destination for overflow or a closed queue.</summary>
/// <param name="Kind">What <paramref name="Value"/> names.</param>
/// <param name="Value">Queue id, agent id, extension, external number or IVR tree id.</param>
public sealed record RoutingTarget(RoutingTargetKind Kind, string Value);
