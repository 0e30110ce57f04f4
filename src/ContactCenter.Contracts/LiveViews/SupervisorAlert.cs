namespace ContactCenter.Contracts.LiveViews;

/// <summary>Something a supervisor should look at now, published on <see cref="LiveStreams.Alerts"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="AgentId">The agent concerned.</param>
/// <param name="At">When.</param>
/// <param name="Message">A sentence for people.</param>
/// <param name="InteractionId">The interaction concerned, when there is one (the call of an over-long conversation).</param>
public sealed record SupervisorAlert(SupervisorAlertKind Kind, string AgentId, DateTimeOffset At, string Message, string? InteractionId = null);
