namespace ContactCenter.Contracts.Configuration;

/// <summary>An agent's assignment to a queue (ROUTE-2, AGENT-2).</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="Priority">The agent's priority for the queue, 1-10, higher offered first.</param>
/// <param name="SelfService">Whether the agent may log in to and out of the queue themselves; when false only a
/// supervisor or the automatic log-in does.</param>
public sealed record QueueMembership(string QueueId, int Priority = QueueMembership.DefaultPriority, bool SelfService = true)
{
    /// <summary>The priority of a membership that does not say.</summary>
    public const int DefaultPriority = 5;
}
