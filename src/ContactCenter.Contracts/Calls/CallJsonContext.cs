using System.Text.Json.Serialization;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Contracts.Calls;

/// <summary>Serializer metadata of <see cref="ICallGrain"/>'s and <see cref="ICallMedia"/>'s arguments and results and
/// of the call's journal events; every silo, client and front end that handles calls registers it.</summary>
[JsonSerializable(typeof(CallArrival))]
[JsonSerializable(typeof(CallDial))]
[JsonSerializable(typeof(CallRoute))]
[JsonSerializable(typeof(CallTransfer))]
[JsonSerializable(typeof(ListenInMode))]
[JsonSerializable(typeof(CallCommandResult))]
[JsonSerializable(typeof(CallStatus))]
[JsonSerializable(typeof(CallEvent))]
[JsonSerializable(typeof(CallMediaEvent))]
[JsonSerializable(typeof(MediaPlayback))]
[JsonSerializable(typeof(DigitCollection))]
[JsonSerializable(typeof(VoicemailRecording))]
[JsonSerializable(typeof(AgentLegRequest))]
[JsonSerializable(typeof(ExternalLegRequest))]
[JsonSerializable(typeof(RecordingCommand))]
[JsonSerializable(typeof(ListenInRequest))]
[JsonSerializable(typeof(CallEndReason))]
[JsonSerializable(typeof(string))]
public sealed partial class CallJsonContext : JsonSerializerContext;
