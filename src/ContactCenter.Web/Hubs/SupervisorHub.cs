using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.LiveViews;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Live;
using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ContactCenter.Web.Hubs;

/// <summary>The supervisor's live view (SUP-1..3): every agent's status, the site aggregate with each queue's figures,
/// and alerts, as snapshots on request and <see cref="LiveUpdate"/>s after; and the supervisor's commands on agents
/// (SUP-4), including listen-in on a call. Every item carries its grain's version, so a client drops updates older than its snapshot.</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class SupervisorHub(LiveAudience audience, IGrainFactory grains, IDocumentStore documents, AlertBoard alerts)
    : LiveHub<SupervisorHub>(audience)
{
    /// <summary>Where the hub is mapped.</summary>
    public const string Path = "/hubs/supervisor";

    private static readonly HashSet<string> Subscribed = [LiveTopics.Agent, LiveTopics.Site, LiveTopics.Alert];

    protected override IReadOnlySet<string> Topics => Subscribed;

    /// <summary>Every configured agent's status, by id.</summary>
    public Task<IReadOnlyList<AgentStatus>> GetAgentsAsync() => AgentStatuses.ListAsync(documents, grains, Context.ConnectionAborted);

    /// <summary>One agent's status (after a gap in that agent's updates).</summary>
    public Task<AgentStatus> GetAgentAsync(string agentId) => grains.GetGrain<IAgentGrain>(agentId).GetStatusAsync();

    /// <summary>The site's figures with every queue's.</summary>
    public Task<SiteLiveStatus> GetSiteAsync() => grains.GetGrain<ISiteLiveView>(SiteSettings.SiteId).GetStatusAsync();

    /// <summary>The recent alerts, newest first (on connect, and after a gap in the "alert" updates).</summary>
    public Task<IReadOnlyList<SupervisorAlert>> GetAlertsAsync() => Task.FromResult(alerts.Recent());

    /// <summary>Pauses an agent with a pause code.</summary>
    public Task<AgentCommandResult> PauseAgentAsync(string agentId, string pauseCodeId) =>
        grains.GetGrain<IAgentGrain>(agentId).PauseAsync(pauseCodeId);

    /// <summary>Ends an agent's pause.</summary>
    public Task<AgentCommandResult> ResumeAgentAsync(string agentId) => grains.GetGrain<IAgentGrain>(agentId).ResumeAsync();

    /// <summary>Logs an agent out.</summary>
    public Task<AgentCommandResult> LogOutAgentAsync(string agentId) =>
        grains.GetGrain<IAgentGrain>(agentId).LogOutAsync($"by supervisor {Context.User?.Identity?.Name}");

    /// <summary>Logs an agent in to a queue (whatever the agent's own permission).</summary>
    public Task<AgentCommandResult> LogAgentInToQueueAsync(string agentId, string queueId) =>
        grains.GetGrain<IAgentGrain>(agentId).LogInToQueueAsync(queueId, AgentActor.Supervisor);

    /// <summary>Logs an agent out of a queue.</summary>
    public Task<AgentCommandResult> LogAgentOutOfQueueAsync(string agentId, string queueId) =>
        grains.GetGrain<IAgentGrain>(agentId).LogOutOfQueueAsync(queueId, AgentActor.Supervisor);

    /// <summary>Starts listening in on a call (monitor, whisper or barge), or changes the mode.</summary>
    public Task<CallCommandResult> ListenInAsync(string callId, ListenInMode mode) =>
        grains.GetGrain<ICallGrain>(callId).ListenInAsync(SupervisorId, mode);

    /// <summary>Stops listening in.</summary>
    public Task<CallCommandResult> StopListenInAsync(string callId) => grains.GetGrain<ICallGrain>(callId).StopListenInAsync(SupervisorId);

    private string SupervisorId => Context.User?.Identity?.Name ?? throw new HubException("not signed in");
}
