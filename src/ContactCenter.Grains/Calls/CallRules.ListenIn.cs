using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Grains.Calls;

public static partial class CallRules
{
    /// <summary>A supervisor listens in on the connected call (SUP-2); another mode changes it, the same mode again
    /// changes nothing.</summary>
    public static CallDecision ListenIn(CallState state, string supervisorId, ListenInMode mode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(supervisorId) || !Enum.IsDefined(mode))
        {
            return CallDecision.Fail(CallCommandError.InvalidRequest, "a listen-in needs the supervisor and a mode");
        }
        if (state.Phase != CallPhase.Connected)
        {
            return CallDecision.Fail(state.Phase is null ? CallCommandError.NotStarted : CallCommandError.InvalidPhase,
                $"the call is {state.Phase?.ToString() ?? "not started"}, not connected");
        }
        if (state.IsAgent(supervisorId) || state.IsConsultAgent(supervisorId))
        {
            return CallDecision.Fail(CallCommandError.InvalidRequest, $"{supervisorId} already talks on the call");
        }
        var current = state.FindListenIn(supervisorId);
        return current?.Mode == mode
            ? CallDecision.NoChange($"{supervisorId} already listens in ({mode})")
            : CallDecision.Emit(new ListenInStarted(now, supervisorId, mode, current?.Mode));
    }

    /// <summary>The supervisor stops listening in; when not listening in it changes nothing.</summary>
    public static CallDecision StopListenIn(CallState state, string supervisorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(supervisorId))
        {
            return CallDecision.Fail(CallCommandError.InvalidRequest, "the supervisor is required");
        }
        if (state.Phase is null)
        {
            return CallDecision.Fail(CallCommandError.NotStarted, "the call has not started");
        }
        return state.FindListenIn(supervisorId) is { } listenIn
            ? CallDecision.Emit(new ListenInStopped(now, supervisorId, listenIn.Mode))
            : CallDecision.NoChange($"{supervisorId} does not listen in");
    }

    /// <summary>The reason a listen-in ends with when the supervisor's phone hangs up.</summary>
    public const string ListenInHungUp = "HungUp";

    /// <summary>The front end reports the supervisor's leg gone (the phone could not be rung, refused, did not answer or
    /// hung up): the listen-in ends with <paramref name="reason"/>, so the supervisor may listen in again; a report for
    /// a supervisor who no longer listens in changes nothing.</summary>
    public static CallDecision ListenInLegEnded(CallState state, string supervisorId, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.FindListenIn(supervisorId) is { } listenIn
            ? CallDecision.Emit(new ListenInStopped(now, supervisorId, listenIn.Mode, reason))
            : CallDecision.NoChange($"{supervisorId} does not listen in");
    }
}
