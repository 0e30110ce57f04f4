namespace ContactCenter.Contracts.Configuration;

/// <summary>One line of a <see cref="TransferGroup"/>.</summary>
/// <param name="Name">What the panel shows ("Claims department", "Reception").</param>
/// <param name="Target">Where a transfer to it goes: a queue, an internal line or an external number.</param>
public sealed record TransferLine(string Name, RoutingTarget Target);
