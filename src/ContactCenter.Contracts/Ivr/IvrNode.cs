using System.Text.Json.Serialization;

namespace ContactCenter.Contracts.Ivr;

/// <summary>One step of an <see cref="IvrTree"/>. The JSON member <c>kind</c> names the step; successors are node ids of
/// the same tree. Menu, digit input, callback and voicemail nodes wait for the caller; every loop in a tree must pass
/// through one of them, so a call never spins without the caller doing anything.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(IvrMenuNode), "menu")]
[JsonDerivedType(typeof(IvrPlayNode), "play")]
[JsonDerivedType(typeof(IvrInputNode), "input")]
[JsonDerivedType(typeof(IvrHoursNode), "hours")]
[JsonDerivedType(typeof(IvrCallerNode), "caller")]
[JsonDerivedType(typeof(IvrSetAttributeNode), "setAttribute")]
[JsonDerivedType(typeof(IvrQueueNode), "queue")]
[JsonDerivedType(typeof(IvrVoicemailNode), "voicemail")]
[JsonDerivedType(typeof(IvrCallbackNode), "callback")]
[JsonDerivedType(typeof(IvrAnnouncementNode), "announcement")]
[JsonDerivedType(typeof(IvrOutOfHoursNode), "outOfHours")]
[JsonDerivedType(typeof(IvrHttpLookupNode), "httpLookup")]
[JsonDerivedType(typeof(IvrTransferNode), "transfer")]
[JsonDerivedType(typeof(IvrHangupNode), "hangup")]
public abstract record IvrNode
{
    /// <summary>Node id, unique in the tree (1-64 letters, digits, '-', '_' or '.'); journal events of the call name
    /// the nodes it passed by it.</summary>
    public required string Id { get; init; }
}
