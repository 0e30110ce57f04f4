namespace ContactCenter.Web.Live;

/// <summary>One live change as a hub client receives it: the item and its place in its stream. Within one
/// (<see cref="Topic"/>, <see cref="Key"/>) the sequence rises by one per item in an epoch; a client that sees a gap or
/// a new epoch asks its hub for a fresh snapshot and carries on from there.</summary>
/// <param name="Topic">What changed: <see cref="LiveTopics"/>.</param>
/// <param name="Key">Which one (agent id, queue id, site id; "all" for alerts).</param>
/// <param name="Epoch">The stream's epoch.</param>
/// <param name="Sequence">The item's number in its epoch.</param>
/// <param name="Item">The change (<c>AgentStatus</c>, <c>QueueLiveStatus</c>, <c>SiteLiveStatus</c>, <c>SupervisorAlert</c>).</param>
public sealed record LiveUpdate(string Topic, string Key, Guid Epoch, long Sequence, object Item);
