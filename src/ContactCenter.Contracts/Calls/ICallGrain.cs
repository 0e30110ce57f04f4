using ContactCenter.Actors;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Queues;

namespace ContactCenter.Contracts.Calls;

/// <summary>One voice interaction (key: the call id), inbound or agent-initiated, independent of SIP: it decides where
/// the call goes (queue, agent, external number), drives the front end's media and dialogs through
/// <see cref="ICallMedia"/>, keeps the queue and the agents in step, and journals every step (phases, offers, answer,
/// hold, notes, category, attached data, abandon phase, end). Refused commands change nothing and say why.</summary>
public interface ICallGrain : IGrainWithStringKey, IWorkOwner
{
    /// <summary>An inbound call reached a front end, which is <see cref="CallArrival.Media"/>; the call is routed to
    /// the arrival's target at once (or waits for its IVR to route it).</summary>
    Task<CallCommandResult> ArriveAsync(CallArrival arrival);

    /// <summary>An agent dials an external number: the agent's line is rung first (or answers itself), then the number.</summary>
    Task<CallCommandResult> DialAsync(CallDial dial);

    /// <summary>Routes a call that is still before or in its IVR (the IVR's queue, agent or transfer step).</summary>
    Task<CallCommandResult> RouteAsync(CallRoute route);

    /// <summary>The front end reports what happened on the call's legs.</summary>
    Task OnMediaEventAsync(CallMediaEvent mediaEvent);

    /// <summary>The agent ends the conversation (from the workspace); wrap-up follows.</summary>
    Task<CallCommandResult> HangUpAsync(string agentId);

    /// <summary>The agent puts the customer on hold.</summary>
    Task<CallCommandResult> HoldAsync(string agentId);

    /// <summary>The agent takes the customer off hold.</summary>
    Task<CallCommandResult> RetrieveAsync(string agentId);

    /// <summary>The agent writes a note on the call (during the conversation or its wrap-up).</summary>
    Task<CallCommandResult> AddNoteAsync(string agentId, string text);

    /// <summary>The agent sets the call's category (during the conversation or its wrap-up).</summary>
    Task<CallCommandResult> SetCategoryAsync(string agentId, string categoryId);

    /// <summary>Attaches data to the call (IVR choice, campaign, problem, caller identity; ROUTE-10).</summary>
    Task<CallCommandResult> SetAttributeAsync(string key, string value);

    /// <summary>The agent finishes wrap-up before its time is up; the call ends.</summary>
    Task<CallCommandResult> FinishWrapUpAsync(string agentId);

    /// <summary>The call's current status and timeline.</summary>
    [ReadOnly]
    Task<CallStatus> GetStatusAsync();
}
