using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Grains.Ivr;

namespace ContactCenter.Grains.Calls;

public static partial class CallRules
{
    /// <summary>A step of the call's IVR walk (<see cref="IvrMachine.Next"/>): one <see cref="CallIvrStepped"/> per node
    /// passed or reached, the last with the call's new position, and the attributes the step set. A step that comes
    /// after the call left its IVR (routed, ended) changes nothing.</summary>
    public static CallDecision IvrStepped(CallState state, IvrStep step, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(step);
        if (state.Phase != CallPhase.Ivr)
        {
            return CallDecision.NoChange($"the call is {state.Phase?.ToString() ?? "not started"}, not in its IVR");
        }
        if (step.Ignored)
        {
            return CallDecision.NoChange("the IVR step changed nothing");
        }
        var events = new List<CallEvent>();
        for (var i = 0; i < step.Trace.Length; i++)
        {
            var trace = step.Trace[i];
            events.Add(new CallIvrStepped(now, trace.NodeId, trace.Description, i == step.Trace.Length - 1 ? step.Position : null));
        }
        foreach (var set in step.Actions.OfType<IvrSetAttribute>())
        {
            events.Add(new CallAttributeSet(now, set.Key, set.Value));
        }
        return CallDecision.Emit([.. events]);
    }
}
