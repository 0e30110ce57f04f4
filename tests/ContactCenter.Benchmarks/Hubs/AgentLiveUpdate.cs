namespace ContactCenter.Benchmarks.Hubs;

/// <summary>The supervisor hub's <c>agent</c> message (ContactCenter.Web.Live.LiveUpdate with an agent status as its
/// item), as a .NET client binds it.</summary>
internal sealed record AgentLiveUpdate(string Topic, string Key, Guid Epoch, long Sequence, AgentLiveItem Item);
