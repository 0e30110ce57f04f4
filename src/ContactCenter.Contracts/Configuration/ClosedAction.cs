namespace ContactCenter.Contracts.Configuration;

/// <summary>The action for work arriving outside business hours or on a holiday.</summary>
/// <param name="Kind">Announce and end, or forward.</param>
/// <param name="PromptId">Optional announcement played first.</param>
/// <param name="Target">Required for <see cref="ClosedActionKind.Forward"/>, absent otherwise.</param>
public sealed record ClosedAction(ClosedActionKind Kind, string? PromptId = null, RoutingTarget? Target = null);
