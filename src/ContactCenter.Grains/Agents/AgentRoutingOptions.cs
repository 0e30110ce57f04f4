namespace ContactCenter.Grains.Agents;

/// <summary>How agent grains take part in routing beyond being asked (<c>AddAgentRouting()</c> turns it on).</summary>
public sealed class AgentRoutingOptions
{
    /// <summary>When true, an agent grain asks its <see cref="Contracts.Agents.IAgentRouterGrain"/> to tell its queues
    /// about queue log-ins and log-outs and to pull work whenever it becomes ready. Default false: the agent only
    /// answers (queues and tests drive it).</summary>
    public bool Enabled { get; set; }

    /// <summary>How long an open pull round keeps pushes away before the agent gives up on it and asks for a new run
    /// (the router's silo may have died). Default 5 s.</summary>
    public TimeSpan PullTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
