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

    /// <summary>The ringing agent answers from the workspace: the front end answers the agent's leg and reports
    /// <see cref="Media.AgentAnswered"/>, which connects the call.</summary>
    Task<CallCommandResult> AnswerAsync(string agentId);

    /// <summary>The agent ends the conversation (from the workspace); wrap-up follows.</summary>
    Task<CallCommandResult> HangUpAsync(string agentId);

    /// <summary>The agent puts the customer on hold.</summary>
    Task<CallCommandResult> HoldAsync(string agentId);

    /// <summary>The agent takes the customer off hold.</summary>
    Task<CallCommandResult> RetrieveAsync(string agentId);

    /// <summary>The call's agent pauses the recording (<paramref name="recording"/> false; REC-1: the agent may decide
    /// not to record, e.g. while the customer gives card details) or resumes it; a repeat changes nothing. Refused when
    /// the call is not recorded.</summary>
    Task<CallCommandResult> SetRecordingAsync(string agentId, bool recording);

    /// <summary>The call's agent transfers the connected call without consulting: to a number or line (the call ends as
    /// transferred once the front end reports it done; on failure the agent talks to the customer again), to a queue
    /// (the agent leaves with wrap-up and the call waits again, keeping its data) or to another agent (reserved through
    /// its arbiter and rung while the customer holds; the call passes to it when it answers, and stays with the
    /// transferring agent, customer on hold, when it does not).</summary>
    Task<CallCommandResult> BlindTransferAsync(string agentId, CallTransfer transfer);

    /// <summary>The call's agent puts the customer on hold and rings <paramref name="targetAgentId"/> (reserved through its
    /// arbiter); once it answers, the two agents talk. When it does not answer or hangs up, the customer stays on hold
    /// with the call's agent.</summary>
    Task<CallCommandResult> ConsultAsync(string agentId, string targetAgentId);

    /// <summary>Attended transfer: the call's agent leaves (wrap-up) and the consulted agent, answered, talks to the
    /// customer.</summary>
    Task<CallCommandResult> CompleteTransferAsync(string agentId);

    /// <summary>The customer, the call's agent and the answered consulted agent talk together.</summary>
    Task<CallCommandResult> ConferenceAsync(string agentId);

    /// <summary>Ends the consultation (or the conference's second agent, or a blind transfer still ringing): the second
    /// agent is released and the customer taken off hold.</summary>
    Task<CallCommandResult> CancelConsultAsync(string agentId);

    /// <summary>A supervisor listens in on the connected call (SUP-2); another mode for the same supervisor changes it.</summary>
    Task<CallCommandResult> ListenInAsync(string supervisorId, ListenInMode mode);

    /// <summary>The supervisor stops listening in.</summary>
    Task<CallCommandResult> StopListenInAsync(string supervisorId);

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
