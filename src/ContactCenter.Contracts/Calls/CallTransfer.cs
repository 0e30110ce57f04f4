using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Calls;

/// <summary>Where an agent sends its call in a blind transfer (<see cref="ICallGrain.BlindTransferAsync"/>).</summary>
/// <param name="Target">An external number or internal line (the front end hands the customer over and the platform
/// leaves the call), a queue (the call waits there again, keeping its data) or another agent (rung through its
/// arbiter while the customer holds).</param>
public sealed record CallTransfer(RoutingTarget Target);
