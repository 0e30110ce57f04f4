using System.Text.Json.Serialization;

namespace ContactCenter.Contracts.Calls.Media;

/// <summary>Something that happened on a call's legs, reported by the front end to
/// <see cref="ICallGrain.OnMediaEventAsync"/>. Events may repeat or arrive late; the call grain ignores those that no
/// longer fit its state.</summary>
/// <param name="CallId">The call.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$media")]
[JsonDerivedType(typeof(CallerHungUp), "caller-hung-up")]
[JsonDerivedType(typeof(AgentAnswered), "agent-answered")]
[JsonDerivedType(typeof(AgentLegFailed), "agent-leg-failed")]
[JsonDerivedType(typeof(AgentHungUp), "agent-hung-up")]
[JsonDerivedType(typeof(DigitsCollected), "digits-collected")]
[JsonDerivedType(typeof(PlaybackFinished), "playback-finished")]
[JsonDerivedType(typeof(ExternalAnswered), "external-answered")]
[JsonDerivedType(typeof(ExternalLegFailed), "external-leg-failed")]
[JsonDerivedType(typeof(TransferCompleted), "transfer-completed")]
[JsonDerivedType(typeof(TransferFailed), "transfer-failed")]
[JsonDerivedType(typeof(VoicemailRecorded), "voicemail-recorded")]
public abstract record CallMediaEvent(string CallId);
