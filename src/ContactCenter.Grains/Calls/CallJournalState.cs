using ContactCenter.Actors;
using ContactCenter.Contracts.Calls.Events;

namespace ContactCenter.Grains.Calls;

/// <summary>The journaled grain's mutable holder of the immutable <see cref="CallState"/> fold.</summary>
internal sealed class CallJournalState : IJournaledState<CallEvent>
{
    public CallState Current { get; set; } = CallState.Initial;

    public void Apply(CallEvent @event) => Current = Current.Apply(@event);
}
