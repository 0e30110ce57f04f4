using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Grains.Ivr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Grains.Calls;

/// <summary>See <see cref="ICallGrain"/>. Event-sourced: every accepted change is one journal append of the events
/// <see cref="CallRules"/> decided, and the state is their fold (<see cref="CallState.Apply"/>); the grain then tells the
/// queue, the agent and the front end what follows from it (<c>CallGrain.Routing.cs</c>, <c>CallGrain.Legs.cs</c>, the
/// IVR walk in <c>CallGrain.Ivr.cs</c>, and within the conversation <c>CallGrain.Transfer.cs</c>,
/// <c>CallGrain.Consult.cs</c>, <c>CallGrain.ListenIn.cs</c>).
/// Calls only go one way: the call waits on queues, agents and its front end; queues tell it of offers without waiting,
/// and the front end reports without being waited on. The ring and wrap-up deadlines are part of the state; grain timers
/// only wake the grain to apply them.</summary>
internal sealed partial class CallGrain : JournaledGrain<CallJournalState, CallEvent>, ICallGrain
{
    private readonly ILogger _logger;
    private readonly IIvrTreeSource? _ivrTrees;
    private readonly IIvrServices? _ivrServices;
    private readonly ISiteConfigurationSource? _site;

    // Transient: the IVR tree version the call walks, read at entry (or again after a reactivation).
    private IvrTree? _ivrTree;

    // Transient: the sends on (overflow, closed action) that led the call into the tree it walks, so routing from a tree
    // entered as an overflow target counts on and a loop of queues and trees ends (MaxRoutingHops).
    private int _ivrHops;

    // Transient: the watch of the front end's process while the call is live; an activation re-creates it.
    private IDisposable? _mediaWatch;

    // Transient: the timer of the state's next deadline (ring or wrap-up); an activation re-creates it.
    private (DateTimeOffset Deadline, IDisposable Timer)? _deadlineTimer;

    /// <summary>How long an ended call stays active while unused (instead of the runtime's quarter of an hour): late
    /// reports and readers find it in memory, and at a busy site the thousands of calls ended within that quarter of
    /// an hour do not all stay in memory. A later call to it activates it again from its journal.</summary>
    private static readonly TimeSpan EndedCollectionAge = TimeSpan.FromMinutes(1);

    public CallGrain(IServiceProvider services)
    {
        _logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<CallGrain>();
        _ivrTrees = services.GetService<IIvrTreeSource>();
        _ivrServices = services.GetService<IIvrServices>();
        _site = services.GetService<ISiteConfigurationSource>();
    }

    private CallState Current => State.Current;

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    private string CallId => GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Current.Phase == CallPhase.Ended)
        {
            SetCollectionAge(EndedCollectionAge);
        }
        await OnDeadlineAsync();
        WatchMedia();
        await ResumeWaitingAsync();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deadlineTimer?.Timer.Dispose();
        _deadlineTimer = null;
        StopWaiting();
        return Task.CompletedTask;
    }

    public async Task<CallCommandResult> ArriveAsync(CallArrival arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        // The tree is read before the arrival is journaled, so the version entered is part of the journal.
        var tree = Current.Phase is null && arrival.Target is null && arrival.IvrTreeId is { Length: > 0 } treeId
            ? await ReadIvrTreeAsync(treeId)
            : null;
        var decision = CallRules.Arrive(Current, arrival, Now);
        if (decision.Accepted && arrival.PlacedBy is { } placer)
        {
            decision = CallRules.Arrive(Current, arrival, Now, placerHeld: await HoldPlacerAsync(placer));
        }
        try
        {
            decision = await CommitAsync("arrive", decision);
        }
        catch when (decision.Find<CallArrived>()?.PlacedBy is { } held)
        {
            await AgentAsync(held, "end work", agent => agent.EndWorkAsync(CallId));
            throw;
        }
        if (decision.Find<CallArrived>() is null)
        {
            return decision.ToResult();
        }
        LogArrived(CallId, arrival.From, arrival.To);
        // A caller who hung up before the answer (the front end refuses it) stays in Arrived: the hang-up the front end
        // reports next is an abandon before the IVR.
        if (!await MediaAsync(media => media.AnswerAsync(CallId)))
        {
            return decision.ToResult();
        }
        if (arrival.Target is { } target)
        {
            await RouteToAsync(target, arrival.CallerBoost, [], hops: 0);
        }
        else if ((await CommitAsync("enter ivr", CallRules.EnterIvr(Current, arrival.IvrTreeId!, tree?.Version ?? 0, Now))).Find<CallEnteredIvr>() is not null)
        {
            await StartIvrAsync(tree);
        }
        return decision.ToResult();
    }

    public async Task<CallCommandResult> DialAsync(CallDial dial)
    {
        ArgumentNullException.ThrowIfNull(dial);
        // Decided before the reservation: the state cannot change while this turn waits for the agent.
        var decision = CallRules.Dial(Current, dial, Now);
        if (!decision.Accepted)
        {
            return (await CommitAsync("dial", decision)).ToResult();
        }
        if (dial.ConsultedCallId is { } consulted)
        {
            // A consultation takes no slot of its own: the agent must be talking on the call it consults from.
            var from = await GrainFactory.GetGrain<ICallGrain>(consulted).GetStatusAsync();
            if (from.Phase != CallPhase.Connected || from.AgentId != dial.AgentId)
            {
                return new CallCommandResult(false, false, CallCommandError.AgentRefused,
                    $"agent {dial.AgentId} is not connected on call {consulted} ({from.Phase})");
            }
        }
        else
        {
            var reservation = await ReserveAsync(dial.AgentId, new ReservationRequest
            {
                WorkId = CallId,
                RingTimeout = CallRules.DialRingTimeout,
            });
            if (!reservation.Granted)
            {
                return new CallCommandResult(false, false, CallCommandError.AgentRefused, reservation.Message);
            }
        }
        decision = await CommitAsync("dial", decision);
        await RingAgentAsync(dial.AgentId, CallRules.DialRingTimeout);
        return decision.ToResult();
    }

    public async Task<CallCommandResult> RouteAsync(CallRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (CallRules.CheckRoutable(Current) is { } refused)
        {
            return refused.ToResult();
        }
        var version = Version;
        await RouteToAsync(route.Target, Current.CallerBoost + route.CallerBoost,
            route.RequiredSkills.IsDefault ? [] : route.RequiredSkills, hops: 0);
        return new CallCommandResult(true, Version != version, Message: $"routed to {route.Target.Kind} {route.Target.Value}");
    }

    public async Task<CallCommandResult> AnswerAsync(string agentId)
    {
        var decision = await CommitAsync("answer", CallRules.Answer(Current, agentId));
        if (decision.Accepted)
        {
            await MediaAsync(media => media.AnswerAgentAsync(CallId, agentId));
        }
        return decision.ToResult();
    }

    public Task<CallCommandResult> HoldAsync(string agentId) => HoldOrRetrieveAsync(CallRules.Hold(Current, agentId, Now), held: true);

    public Task<CallCommandResult> RetrieveAsync(string agentId) =>
        HoldOrRetrieveAsync(CallRules.Retrieve(Current, agentId, Now), held: false);

    public async Task<CallCommandResult> AddNoteAsync(string agentId, string text) =>
        (await CommitAsync("note", CallRules.AddNote(Current, agentId, text, Now))).ToResult();

    public async Task<CallCommandResult> SetCategoryAsync(string agentId, string categoryId) =>
        (await CommitAsync("category", CallRules.SetCategory(Current, agentId, categoryId, Now))).ToResult();

    public async Task<CallCommandResult> SetAttributeAsync(string key, string value) =>
        (await CommitAsync("attribute", CallRules.SetAttribute(Current, key, value, Now))).ToResult();

    public async Task<CallCommandResult> FinishWrapUpAsync(string agentId)
    {
        var decision = await CommitAsync("finish wrap-up", CallRules.FinishWrapUp(Current, agentId, Now));
        if (decision.Find<CallEnded>() is not null)
        {
            await AgentAsync(agentId, "finish wrap-up", agent => agent.FinishWrapUpAsync(CallId));
        }
        return decision.ToResult();
    }

    public async Task<CallCommandResult> SetRecordingAsync(string agentId, bool recording) =>
        (await CommitAsync(recording ? "resume recording" : "pause recording", CallRules.SetRecording(Current, agentId, recording, Now))).ToResult();

    public Task<CallStatus> GetStatusAsync() => Task.FromResult(Current.ToStatus(CallId, ConfirmedVersion));

    private async Task<CallCommandResult> HoldOrRetrieveAsync(CallDecision decision, bool held)
    {
        decision = await CommitAsync(held ? "hold" : "retrieve", decision);
        if (decision.Events.IsDefaultOrEmpty)
        {
            return decision.ToResult();
        }
        if (Current.Consult is { Stage: ConsultStage.Conference } conference)
        {
            // Held: the agents talk on their own while the customer hears the music; retrieved: the three talk again.
            await MediaAsync(held
                ? async media =>
                {
                    await media.ConsultAsync(CallId, conference.AgentId);
                    await media.HoldAsync(CallId, true);
                }
                : media => media.ConferenceAsync(CallId, conference.AgentId));
        }
        else
        {
            await MediaAsync(media => media.HoldAsync(CallId, held));
        }
        return decision.ToResult();
    }

    private async Task<CallDecision> CommitAsync(string command, CallDecision decision)
    {
        if (!decision.Accepted)
        {
            LogCommandRefused(CallId, command, decision.Error?.ToString(), decision.Message);
            return decision;
        }
        if (decision.Events.IsDefaultOrEmpty)
        {
            return decision;
        }
        if (Current.Recording == CallRecordingState.Off && decision.Find<CallConnected>() is not null)
        {
            decision = CallRules.StartRecording(Current, decision, await RecordsCallsAsync(), Now);
        }
        var before = Current;
        RaiseEvents(decision.Events);
        await ConfirmEvents();
        await PublishLiveAsync(before);
        await RecordAsync(decision);
        if (decision.Find<CallEnded>() is { } ended)
        {
            LogEnded(CallId, ended.Reason, ended.Detail);
            SetCollectionAge(EndedCollectionAge);
            if (Current.PlacedBy is { } placer)
            {
                // Whichever way the call ended, the agent whose phone placed it is free again.
                await AgentAsync(placer, "end work", agent => agent.EndWorkAsync(CallId));
            }
        }
        ArmDeadlineTimer();
        WatchMedia();
        return decision;
    }

    /// <summary>Makes the timer match the state's next deadline (ring, the second agent's ring, or wrap-up).</summary>
    private void ArmDeadlineTimer()
    {
        var deadline = Current.RingUntil ?? Current.Consult?.RingUntil ?? Current.WrapUpUntil;
        if (_deadlineTimer is { } armed)
        {
            if (armed.Deadline == deadline)
            {
                return;
            }
            armed.Timer.Dispose();
            _deadlineTimer = null;
        }
        if (deadline is not { } due)
        {
            return;
        }
        var now = Now;
        _deadlineTimer = (due, RegisterGrainTimer(_ => OnDeadlineAsync(), due > now ? due - now : TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    /// <summary>Applies a passed ring, second agent's ring or wrap-up deadline (also one that passed while the grain was inactive).</summary>
    private async Task OnDeadlineAsync()
    {
        _deadlineTimer?.Timer.Dispose();
        _deadlineTimer = null;
        var now = Now;
        if (Current.Phase == CallPhase.Ringing && Current.RingUntil <= now)
        {
            var before = Current;
            await AfterRingFailedAsync(before, await CommitAsync("ring timeout", CallRules.RingTimedOut(Current, now)), cancel: true);
        }
        else if (Current.Phase == CallPhase.Connected && Current.Consult?.RingUntil <= now)
        {
            await AfterSecondAgentLeftAsync(await CommitAsync("second agent ring timeout", CallRules.SecondAgentRingTimedOut(Current, now)),
                ReleaseReason.NoAnswer, dropLeg: true);
        }
        else if (Current.Phase == CallPhase.WrapUp && Current.WrapUpUntil <= now)
        {
            await CommitAsync("wrap-up over", CallRules.WrapUpExpired(Current, now));
        }
        ArmDeadlineTimer();
    }

    [LoggerMessage(4401, LogLevel.Debug, "Call {CallId} refused {Command}: {Error} ({Detail})")]
    private partial void LogCommandRefused(string callId, string command, string? error, string? detail);

    [LoggerMessage(4402, LogLevel.Information, "Call {CallId} arrived from {From} to {To}")]
    private partial void LogArrived(string callId, string from, string to);

    [LoggerMessage(4403, LogLevel.Information, "Call {CallId} ended: {Reason} {Detail}")]
    private partial void LogEnded(string callId, CallEndReason reason, string? detail);
}
