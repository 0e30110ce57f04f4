using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.LiveViews;
using ContactCenter.Contracts.Validation;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Live;
using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ContactCenter.Web.Hubs;

/// <summary>The agent workspace (AGENT-2..9): the signed-in user's own agent — the one their account names
/// (<see cref="UserClaimTypes.AgentProfileId"/>), never another — with its state and queue commands and the call
/// controls, with live updates of its own calls (offers, the conversation, wrap-up: <see cref="LiveTopics.Call"/>); plus
/// every agent's status (the transfer panel) and every queue's waiting figures. Call commands name the call; the call
/// grain refuses them unless this agent is the call's agent.</summary>
[Authorize(Policy = Policies.Agent)]
public sealed class AgentHub(LiveAudience audience, IGrainFactory grains, IDocumentStore documents) : LiveHub<AgentHub>(audience)
{
    /// <summary>Where the hub is mapped.</summary>
    public const string Path = "/hubs/agent";

    private static readonly HashSet<string> Subscribed = [LiveTopics.Agent, LiveTopics.Queue, LiveTopics.Call];

    private string AgentId => Context.User?.FindFirst(UserClaimTypes.AgentProfileId)?.Value
        ?? throw new HubException("this account has no agent profile");

    private IAgentGrain Agent => grains.GetGrain<IAgentGrain>(AgentId);

    protected override IReadOnlySet<string> Topics => Subscribed;

    /// <summary>Every agent's status and every queue's figures, but only this agent's own calls.</summary>
    protected override Func<LiveUpdate, bool> Filter
    {
        get
        {
            var agentId = AgentId;
            return update => update.Topic != LiveTopics.Call || update.Key == agentId;
        }
    }

    public override Task OnConnectedAsync()
    {
        if (Context.User?.FindFirst(UserClaimTypes.AgentProfileId) is null)
        {
            // Nothing to show or steer: the account is not an agent's.
            Context.Abort();
            return Task.CompletedTask;
        }
        return base.OnConnectedAsync();
    }

    /// <summary>This agent's status (the snapshot; after a gap in its updates, ask again).</summary>
    public Task<AgentStatus> GetMeAsync() => Agent.GetStatusAsync();

    /// <summary>This agent's profile (queues with the right to join or leave them, skills, line mode), or null when
    /// the account names a profile that does not exist.</summary>
    public async Task<AgentProfile?> GetProfileAsync() =>
        (await documents.GetAsync<AgentProfile>(AgentId, Context.ConnectionAborted))?.WithoutSipSecrets();

    /// <summary>Every configured agent's status: the transfer panel's snapshot (then "agent" updates).</summary>
    public Task<IReadOnlyList<AgentStatus>> GetAgentsAsync() => AgentStatuses.ListAsync(documents, grains, Context.ConnectionAborted);

    /// <summary>Another agent's status, for the transfer panel.</summary>
    public Task<AgentStatus> GetAgentAsync(string agentId) => grains.GetGrain<IAgentGrain>(agentId).GetStatusAsync();

    /// <summary>Every queue's waiting work and figures of the day.</summary>
    public async Task<IReadOnlyList<QueueLiveStatus>> GetQueuesAsync() =>
        (await grains.GetGrain<ISiteLiveView>(SiteSettings.SiteId).GetStatusAsync()).Queues;

    /// <summary>Logs in (to the queues of the profile).</summary>
    public Task<AgentCommandResult> LogInAsync() => Agent.LogInAsync();

    /// <summary>Logs out.</summary>
    public Task<AgentCommandResult> LogOutAsync() => Agent.LogOutAsync("by the agent");

    /// <summary>Pauses with a pause code.</summary>
    public Task<AgentCommandResult> PauseAsync(string pauseCodeId) => Agent.PauseAsync(pauseCodeId);

    /// <summary>Ready again.</summary>
    public Task<AgentCommandResult> ResumeAsync() => Agent.ResumeAsync();

    /// <summary>Joins a queue, where the profile lets the agent do so.</summary>
    public Task<AgentCommandResult> LogInToQueueAsync(string queueId) => Agent.LogInToQueueAsync(queueId, AgentActor.Agent);

    /// <summary>Leaves a queue, where the profile lets the agent do so.</summary>
    public Task<AgentCommandResult> LogOutOfQueueAsync(string queueId) => Agent.LogOutOfQueueAsync(queueId, AgentActor.Agent);

    /// <summary>Calls an external number from this agent's phone through a SIP front end: the agent's leg rings first,
    /// then the number is dialled; the new call appears in this agent's "call" updates.</summary>
    public async Task<CallCommandResult> DialAsync(string number)
    {
        if (!PhoneNumbers.IsValid(number))
        {
            return new CallCommandResult(false, false, CallCommandError.InvalidRequest, $"the number must be {PhoneNumbers.Rule}");
        }
        if (await grains.GetGrain<ICallMediaRegistry>(ICallMediaRegistry.Key).PickAsync(site: null) is not { } media)
        {
            return new CallCommandResult(false, false, CallCommandError.Unavailable, "no SIP front end is running to place the call");
        }
        // The caller id shown to the called party is the outbound trunk's, which the front end knows.
        return await Call(Guid.NewGuid().ToString("N")).DialAsync(new CallDial(AgentId, number, CallerNumber: "", media));
    }

    /// <summary>A call's status and timeline (the workspace shows the offered or current call).</summary>
    public Task<CallStatus> GetCallAsync(string callId) => Call(callId).GetStatusAsync();

    /// <summary>Answers the call ringing for this agent (the front end answers the agent's leg).</summary>
    public Task<CallCommandResult> AnswerAsync(string callId) => Call(callId).AnswerAsync(AgentId);

    /// <summary>Ends the conversation; wrap-up follows.</summary>
    public Task<CallCommandResult> HangUpAsync(string callId) => Call(callId).HangUpAsync(AgentId);

    /// <summary>Puts the customer on hold.</summary>
    public Task<CallCommandResult> HoldAsync(string callId) => Call(callId).HoldAsync(AgentId);

    /// <summary>Takes the customer off hold.</summary>
    public Task<CallCommandResult> RetrieveAsync(string callId) => Call(callId).RetrieveAsync(AgentId);

    /// <summary>Pauses the call's recording (<paramref name="recording"/> false; REC-1) or resumes it.</summary>
    public Task<CallCommandResult> SetRecordingAsync(string callId, bool recording) => Call(callId).SetRecordingAsync(AgentId, recording);

    /// <summary>Writes a note on the call.</summary>
    public Task<CallCommandResult> AddNoteAsync(string callId, string text) => Call(callId).AddNoteAsync(AgentId, text);

    /// <summary>Sets the call's category.</summary>
    public Task<CallCommandResult> SetCategoryAsync(string callId, string categoryId) => Call(callId).SetCategoryAsync(AgentId, categoryId);

    /// <summary>Finishes wrap-up before its time is up.</summary>
    public Task<CallCommandResult> FinishWrapUpAsync(string callId) => Call(callId).FinishWrapUpAsync(AgentId);

    /// <summary>Blind transfer to a number, a queue or another agent.</summary>
    public Task<CallCommandResult> TransferAsync(string callId, CallTransfer transfer) => Call(callId).BlindTransferAsync(AgentId, transfer);

    /// <summary>Puts the customer on hold and rings another agent to consult.</summary>
    public Task<CallCommandResult> ConsultAsync(string callId, string targetAgentId) => Call(callId).ConsultAsync(AgentId, targetAgentId);

    /// <summary>Leaves the customer with the consulted agent (attended transfer).</summary>
    public Task<CallCommandResult> CompleteTransferAsync(string callId) => Call(callId).CompleteTransferAsync(AgentId);

    /// <summary>Joins the customer, this agent and the consulted agent.</summary>
    public Task<CallCommandResult> ConferenceAsync(string callId) => Call(callId).ConferenceAsync(AgentId);

    /// <summary>Ends the consultation and takes the customer back.</summary>
    public Task<CallCommandResult> CancelConsultAsync(string callId) => Call(callId).CancelConsultAsync(AgentId);

    private ICallGrain Call(string callId) => grains.GetGrain<ICallGrain>(callId);
}
