using System.Text.Json.Serialization;

namespace ContactCenter.Contracts.Calls.Events;

/// <summary>A fact in a call's journal; the call's state is the fold of these, and the interaction-facts projection
/// reads them.</summary>
/// <param name="At">When it happened, on the runtime's clock.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$event")]
[JsonDerivedType(typeof(CallArrived), "call-arrived")]
[JsonDerivedType(typeof(CallDialed), "call-dialed")]
[JsonDerivedType(typeof(CallEnteredIvr), "call-entered-ivr")]
[JsonDerivedType(typeof(CallIvrStepped), "call-ivr-stepped")]
[JsonDerivedType(typeof(CallQueued), "call-queued")]
[JsonDerivedType(typeof(CallLeftQueue), "call-left-queue")]
[JsonDerivedType(typeof(AgentRingStarted), "agent-ring-started")]
[JsonDerivedType(typeof(AgentRingEnded), "agent-ring-ended")]
[JsonDerivedType(typeof(ExternalDialStarted), "external-dial-started")]
[JsonDerivedType(typeof(CallConnected), "call-connected")]
[JsonDerivedType(typeof(CallHeld), "call-held")]
[JsonDerivedType(typeof(CallRetrieved), "call-retrieved")]
[JsonDerivedType(typeof(CallAttributeSet), "call-attribute-set")]
[JsonDerivedType(typeof(CallNoteAdded), "call-note-added")]
[JsonDerivedType(typeof(CallCategorySet), "call-category-set")]
[JsonDerivedType(typeof(ConversationEnded), "conversation-ended")]
[JsonDerivedType(typeof(CallAbandoned), "call-abandoned")]
[JsonDerivedType(typeof(CallEnded), "call-ended")]
[JsonDerivedType(typeof(CallTransferStarted), "call-transfer-started")]
[JsonDerivedType(typeof(CallTransferCompleted), "call-transfer-completed")]
[JsonDerivedType(typeof(CallTransferFailed), "call-transfer-failed")]
[JsonDerivedType(typeof(AgentLeftCall), "agent-left-call")]
[JsonDerivedType(typeof(ConsultRingStarted), "consult-ring-started")]
[JsonDerivedType(typeof(ConsultAnswered), "consult-answered")]
[JsonDerivedType(typeof(ConsultEnded), "consult-ended")]
[JsonDerivedType(typeof(ConsultTransferred), "consult-transferred")]
[JsonDerivedType(typeof(ConferenceStarted), "conference-started")]
[JsonDerivedType(typeof(ListenInStarted), "listen-in-started")]
[JsonDerivedType(typeof(ListenInStopped), "listen-in-stopped")]
[JsonDerivedType(typeof(CallRecordingStarted), "call-recording-started")]
[JsonDerivedType(typeof(CallRecordingPaused), "call-recording-paused")]
[JsonDerivedType(typeof(CallRecordingResumed), "call-recording-resumed")]
public abstract record CallEvent(DateTimeOffset At);
