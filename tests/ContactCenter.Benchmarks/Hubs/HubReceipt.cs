namespace ContactCenter.Benchmarks.Hubs;

/// <summary>An <c>agent</c> update a .NET client received: the agent, the displayed-since time it carried (UTC ticks,
/// exact through JSON) and when it arrived (milliseconds since the Unix epoch).</summary>
internal readonly record struct HubReceipt(string AgentId, long DisplayedSinceTicks, double ReceivedMs);
