using ContactCenter.Actors;
using ContactCenter.Contracts.Agents.Events;

namespace ContactCenter.Grains.Agents;

/// <summary>The journaled grain's mutable holder of the immutable <see cref="AgentState"/> fold.</summary>
internal sealed class AgentJournalState : IJournaledState<AgentEvent>
{
    public AgentState Current { get; set; } = AgentState.Initial;

    public void Apply(AgentEvent @event) => Current = Current.Apply(@event);
}
