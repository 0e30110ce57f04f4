using ContactCenter.Actors;

namespace ContactCenter.Contracts.LiveViews;

/// <summary>The live-view streams the routing core publishes (fire-and-forget, for supervisors, wallboards and the
/// agent workspace). Each stream is keyed by the id of the grain that publishes it; every item carries the grain's
/// journal version, and the stream's sequence token numbers items without gaps, so a subscriber that sees a gap (or a
/// new epoch) reads a fresh snapshot (<c>GetStatusAsync</c> / <c>GetSnapshotAsync</c>) and carries on. Business facts are
/// the journals, never these streams.</summary>
public static class LiveStreams
{
    /// <summary>Namespace of the per-agent streams (key: agent id); items are <see cref="Agents.AgentStatus"/>, one per
    /// accepted change.</summary>
    public const string Agents = "live-agents";

    /// <summary>Namespace of the per-queue streams (key: queue id); items are <see cref="QueueLiveStatus"/>, one per
    /// accepted change.</summary>
    public const string Queues = "live-queues";

    /// <summary>Namespace of the per-site aggregate streams (key: site id); items are <see cref="SiteLiveStatus"/>, one per
    /// batch of journal changes the aggregate applied.</summary>
    public const string Sites = "live-sites";

    /// <summary>Namespace of the per-agent call streams (key: agent id); items are <see cref="Calls.CallStatus"/> of the
    /// calls the agent is on (offered, talking, consulted, wrapping up), one per accepted change of such a call.</summary>
    public const string AgentCallsNamespace = "live-agent-calls";

    /// <summary>Namespace of the supervisor alert streams; items are <see cref="SupervisorAlert"/>.</summary>
    public const string AlertsNamespace = "live-alerts";

    /// <summary>The alerts of the whole contact center (one stream until sites and agent groups partition them).</summary>
    public static StreamId Alerts { get; } = new(AlertsNamespace, "all");

    /// <summary>The stream of one agent.</summary>
    public static StreamId Agent(string agentId) => new(Agents, agentId);

    /// <summary>The stream of the calls of one agent.</summary>
    public static StreamId AgentCalls(string agentId) => new(AgentCallsNamespace, agentId);

    /// <summary>The aggregate stream of one site.</summary>
    public static StreamId Site(string siteId) => new(Sites, siteId);

    /// <summary>The stream of one queue.</summary>
    public static StreamId Queue(string queueId) => new(Queues, queueId);
}
