namespace ContactCenter.Contracts.Agents;

/// <summary>One occupied capacity slot of an agent with what the agent grain needs to drive it.</summary>
/// <param name="WorkId">The interaction.</param>
/// <param name="Medium">The slot's medium.</param>
/// <param name="QueueId">The queue it came from; null for direct work.</param>
/// <param name="Activity">What the slot is doing.</param>
/// <param name="Since">When the slot entered <paramref name="Activity"/>.</param>
/// <param name="Deadline">When the agent grain ends the activity itself (reservation timeout, ring timeout, end of
/// wrap-up); null while in conversation.</param>
/// <param name="WrapUpTime">The after-call work time granted when the conversation ends.</param>
/// <param name="RingTimeout">The ring time granted when the offer starts ringing.</param>
public sealed record AgentWork(string WorkId, Medium Medium, string? QueueId, AgentActivity Activity,
    DateTimeOffset Since, DateTimeOffset? Deadline, TimeSpan WrapUpTime, TimeSpan RingTimeout)
{
    /// <summary>The slot as the displayed-state rule sees it.</summary>
    public MediumActivity ToMediumActivity() => new(WorkId, Medium, Activity);
}
