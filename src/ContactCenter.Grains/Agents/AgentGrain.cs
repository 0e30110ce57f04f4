using System.Collections.Immutable;
using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Grains.Agents;

/// <summary>See <see cref="IAgentGrain"/>. Event-sourced: every accepted change is one journal append of the events
/// <see cref="AgentRules"/> decided, and the state is their fold (<see cref="AgentState.Apply"/>). Deadlines (reservation
/// timeout, ring timeout, end of wrap-up) are part of the state; grain timers on the runtime's clock only wake the
/// grain to apply them, and are re-armed from the state after every change and on activation.</summary>
internal sealed partial class AgentGrain : JournaledGrain<AgentJournalState, AgentEvent>, IAgentGrain
{
    private readonly IAgentConfigurationSource _configuration;
    private readonly AgentRoutingOptions _routing;
    private readonly ILogger _logger;

    // The silo's site: a persistent line is opened on a front end of the same site when there is one.
    private readonly string? _site;

    // Transient: one timer per slot deadline, derived from the state; an activation re-creates them.
    private readonly Dictionary<string, (DateTimeOffset Deadline, IDisposable Timer)> _timers = new(StringComparer.Ordinal);

    public AgentGrain(IAgentConfigurationSource configuration, IServiceProvider services)
    {
        _configuration = configuration;
        _routing = services.GetService<AgentRoutingOptions>() ?? new AgentRoutingOptions();
        _logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<AgentGrain>();
        _site = services.GetService<IOptions<ActorRuntimeOptions>>()?.Value.Site;
    }

    private AgentState Current => State.Current;

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    private string AgentId => GetPrimaryKeyString();

    /// <summary>Deadlines that passed while the grain was not active (timers do not keep it alive) are applied first,
    /// so no request ever sees an agent stuck in a state whose time is up.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var due = Current.Work.Where(w => w.Deadline <= now).OrderBy(w => w.Deadline).ToList();
        var policy = due.Count == 0 ? null : await _configuration.GetNoAnswerPolicyAsync(AgentId, cancellationToken);
        foreach (var work in due)
        {
            await CommitAsync("deadline on activation", AgentRules.Expire(Current, work.WorkId, now, policy));
        }
        ArmTimers();
        // The agent may have become ready on a silo that died before its router ran; ask again.
        await AfterChangeAsync(AgentState.Initial);
        // Likewise the line the state asks for.
        await SyncLineAsync();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        foreach (var (_, timer) in _timers.Values)
        {
            timer.Dispose();
        }
        _timers.Clear();
        ClosePull();
        _lineWatch?.Watch.Dispose();
        _lineWatch = null;
        return Task.CompletedTask;
    }

    public async Task<AgentCommandResult> LogInAsync()
    {
        var profile = await _configuration.GetAgentProfileAsync(AgentId);
        return await RunAsync("log-in", AgentRules.LogIn(Current, profile, Now));
    }

    public Task<AgentCommandResult> LogOutAsync(string? reason) =>
        RunAsync("log-out", AgentRules.LogOut(Current, reason, Now));

    public async Task<AgentCommandResult> PauseAsync(string pauseCodeId)
    {
        var pauseCode = string.IsNullOrEmpty(pauseCodeId) ? null : await _configuration.GetPauseCodeAsync(pauseCodeId);
        return await RunAsync("pause", AgentRules.Pause(Current, pauseCodeId, pauseCode, Now));
    }

    public Task<AgentCommandResult> ResumeAsync() => RunAsync("resume", AgentRules.Resume(Current, Now));

    public Task<AgentCommandResult> LogInToQueueAsync(string queueId, AgentActor by) =>
        RunAsync("queue log-in", AgentRules.LogInToQueue(Current, queueId, by, Now));

    public Task<AgentCommandResult> LogOutOfQueueAsync(string queueId, AgentActor by) =>
        RunAsync("queue log-out", AgentRules.LogOutOfQueue(Current, queueId, by, Now));

    public async Task<AgentCommandResult> RefreshProfileAsync()
    {
        var profile = await _configuration.GetAgentProfileAsync(AgentId);
        return await RunAsync("profile refresh", AgentRules.ApplyProfile(Current, profile, Now));
    }

    public async Task<ReservationResult> TryReserveAsync(ReservationRequest request)
    {
        var decision = AgentRules.TryReserve(Current, AgentId, request, Now);
        if (RefuseDuringPull(request, decision) is { } refused)
        {
            return refused;
        }
        return (await CommitAsync("reserve", decision)).ToReservation();
    }

    public Task<AgentCommandResult> RingAsync(string workId) => RunAsync("ring", AgentRules.Ring(Current, workId, Now));

    public Task<AgentCommandResult> AnswerAsync(string workId) =>
        RunAsync("answer", AgentRules.Answer(Current, workId, Now));

    public async Task<AgentCommandResult> ReleaseAsync(string workId, ReleaseReason reason)
    {
        var policy = reason == ReleaseReason.NoAnswer ? await _configuration.GetNoAnswerPolicyAsync(AgentId) : null;
        var decision = await CommitAsync("release", AgentRules.Release(Current, workId, reason, Now, policy));
        if (decision.Events.OfType<AgentPaused>().Any(p => p.PauseCodeId == AgentRules.PhoneUnreachablePauseCode))
        {
            LogPhoneUnreachable(AgentId, workId);
        }
        return decision.ToResult();
    }

    public Task<AgentCommandResult> EndWorkAsync(string workId) =>
        RunAsync("end work", AgentRules.EndWork(Current, workId, Now));

    public Task<AgentCommandResult> FinishWrapUpAsync(string workId) =>
        RunAsync("finish wrap-up", AgentRules.FinishWrapUp(Current, workId, Now));

    public Task<AgentCommandResult> ResetCountersAsync() => RunAsync("reset counters", AgentRules.ResetCounters(Now));

    public Task<AgentSnapshot> GetSnapshotAsync() => Task.FromResult(Snapshot());

    public Task<AgentStatus> GetStatusAsync() => Task.FromResult(Current.ToStatus(AgentId, ConfirmedVersion));

    public Task<ImmutableArray<AgentStatusInterval>> GetStatusHistoryAsync(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult(Current.HistoryBetween(from, to));

    private async Task<AgentCommandResult> RunAsync(string command, AgentDecision decision) =>
        (await CommitAsync(command, decision)).ToResult();

    private async Task<AgentDecision> CommitAsync(string command, AgentDecision decision)
    {
        if (!decision.Accepted)
        {
            LogCommandRefused(AgentId, command, decision.Error?.ToString() ?? decision.Refusal?.ToString(), decision.Message);
            return decision;
        }
        if (decision.Events.IsDefaultOrEmpty)
        {
            return decision;
        }
        var before = Current;
        RaiseEvents(decision.Events);
        await ConfirmEvents();
        await PublishLiveAsync();
        if (decision.Events.OfType<NoAnswerPolicyTriggered>().FirstOrDefault() is { } triggered)
        {
            LogNoAnswerPolicyTriggered(AgentId, triggered.Misses, triggered.Window, triggered.Action);
            await PublishAlertAsync(triggered);
        }
        ArmTimers();
        await AfterChangeAsync(before);
        await SyncLineAsync();
        return decision;
    }

    /// <summary>Makes the set of timers match the slots' deadlines.</summary>
    private void ArmTimers()
    {
        var deadlines = Current.Work.Where(w => w.Deadline is not null)
            .ToDictionary(w => w.WorkId, w => w.Deadline!.Value, StringComparer.Ordinal);
        foreach (var (workId, (deadline, timer)) in _timers.ToList())
        {
            if (!deadlines.TryGetValue(workId, out var wanted) || wanted != deadline)
            {
                timer.Dispose();
                _timers.Remove(workId);
            }
        }
        var now = Now;
        foreach (var (workId, deadline) in deadlines)
        {
            if (_timers.ContainsKey(workId))
            {
                continue;
            }
            var due = deadline > now ? deadline - now : TimeSpan.Zero;
            var timer = RegisterGrainTimer(_ => OnDeadlineAsync(workId), due, Timeout.InfiniteTimeSpan);
            _timers[workId] = (deadline, timer);
        }
    }

    private async Task OnDeadlineAsync(string workId)
    {
        if (_timers.Remove(workId, out var fired))
        {
            fired.Timer.Dispose();
        }
        var policy = Current.FindWork(workId)?.Activity == AgentActivity.Ringing
            ? await _configuration.GetNoAnswerPolicyAsync(AgentId)
            : null;
        var decision = AgentRules.Expire(Current, workId, Now, policy);
        if (!decision.Events.IsDefaultOrEmpty)
        {
            LogDeadlinePassed(AgentId, workId, decision.Events[0].GetType().Name);
        }

        await CommitAsync("deadline", decision);
        ArmTimers();
    }

    [LoggerMessage(4101, LogLevel.Debug, "Agent {AgentId} refused {Command}: {Error} ({Detail})")]
    private partial void LogCommandRefused(string agentId, string command, string? error, string? detail);

    [LoggerMessage(4103, LogLevel.Warning,
        "Agent {AgentId}: the no-answer policy fired after {Misses} misses within {Window}: {Action}")]
    private partial void LogNoAnswerPolicyTriggered(string agentId, int misses, TimeSpan window, NoAnswerAction action);

    [LoggerMessage(4711, LogLevel.Warning,
        "Agent {AgentId}: the phone could not be rung for work {WorkId}; paused as phone-unreachable until the agent resumes")]
    private partial void LogPhoneUnreachable(string agentId, string workId);

    [LoggerMessage(4102, LogLevel.Information, "Agent {AgentId}: the deadline of work {WorkId} passed: {Outcome}")]
    private partial void LogDeadlinePassed(string agentId, string workId, string outcome);
}
