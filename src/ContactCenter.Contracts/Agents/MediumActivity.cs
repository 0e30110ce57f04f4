namespace ContactCenter.Contracts.Agents;

/// <summary>One occupied capacity slot: which interaction, on which medium, doing what.</summary>
/// <param name="InteractionId">The call, chat or other interaction.</param>
/// <param name="Medium">The slot's medium.</param>
/// <param name="Activity">What the slot is doing.</param>
public sealed record MediumActivity(string InteractionId, Medium Medium, AgentActivity Activity);
