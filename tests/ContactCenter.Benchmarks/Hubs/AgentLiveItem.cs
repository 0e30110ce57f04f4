using ContactCenter.Contracts.Agents;

namespace ContactCenter.Benchmarks.Hubs;

/// <summary>The part of an <see cref="AgentStatus"/> the benchmark reads from a live update: whose status, what it
/// shows and since when (the grain's event time). The rest of the payload is not bound, to keep the clients' share of
/// the machine small.</summary>
internal sealed record AgentLiveItem(string AgentId, DisplayedAgentState Displayed, DateTimeOffset DisplayedSince);
