using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;

namespace ContactCenter.Grains.Calls;

public static partial class CallRules
{
    /// <summary>REC-1: a site that records calls starts the recording with the call's first connection (an inbound call's
    /// agent answering, an agent-initiated call's number answering); <paramref name="decision"/> gains
    /// <see cref="CallRecordingStarted"/> then. Any other decision is returned as it is.</summary>
    public static CallDecision StartRecording(CallState state, CallDecision decision, bool recordCalls, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(decision);
        return recordCalls && state.Recording == CallRecordingState.Off && decision.Find<CallConnected>() is not null
            ? decision with { Events = decision.Events.Add(new CallRecordingStarted(now)) }
            : decision;
    }

    /// <summary>The call's agent pauses (<paramref name="recording"/> false) or resumes the recording while connected; a
    /// repeat changes nothing. Refused when the call is not recorded.</summary>
    public static CallDecision SetRecording(CallState state, string agentId, bool recording, DateTimeOffset now) =>
        CheckConversation(state, agentId, connectedOnly: true)
        ?? (state.Recording, recording) switch
        {
            (CallRecordingState.Off, _) => CallDecision.Fail(CallCommandError.InvalidPhase, "the call is not recorded"),
            (CallRecordingState.On, true) => CallDecision.NoChange("the call is being recorded already"),
            (CallRecordingState.Paused, false) => CallDecision.NoChange("the recording is paused already"),
            (_, true) => CallDecision.Emit(new CallRecordingResumed(now, agentId)),
            _ => CallDecision.Emit(new CallRecordingPaused(now, agentId)),
        };
}
