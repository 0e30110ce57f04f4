using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Queues.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Grains.Queues;

/// <summary>See <see cref="IQueueGrain"/>. Event-sourced: every accepted change is one journal append of the events
/// <see cref="QueueRules"/> decided, and the state is their fold (<see cref="QueueState.Apply"/>). Push routing runs in
/// the grain's turn (<c>QueueGrain.Placement.cs</c>): the queue reads its agents' snapshots, asks the push function,
/// and asks the chosen agent's arbiter for a slot. The wait-time overflow deadline is derived from the state; a grain
/// timer only wakes the grain to apply it, and deadlines passed while inactive apply on activation.</summary>
internal sealed partial class QueueGrain : JournaledGrain<QueueJournalState, QueueEvent>, IQueueGrain
{
    private readonly IQueueConfigurationSource _configuration;
    private readonly ILogger _logger;

    // Transient: how fast the queue answers while work waits, for callers' expected wait; measured again after a
    // reactivation.
    private readonly AnswerPace _answerPace = new();

    // Transient: the timer of the next wait-time overflow, derived from the state; an activation re-creates it.
    private (DateTimeOffset Deadline, IDisposable Timer)? _overflowTimer;

    public QueueGrain(IQueueConfigurationSource configuration, IServiceProvider services)
    {
        _configuration = configuration;
        _logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<QueueGrain>();
    }

    private QueueState Current => State.Current;

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    private string QueueId => GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var queue = await ReadQueueAsync();
        var owners = Current.Owners;
        await NotifyOverflowedAsync(await CommitAsync("overflow on activation", QueueRules.EvaluateOverflow(Current, queue, Now)), owners);
        ArmTimers(queue);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _overflowTimer?.Timer.Dispose();
        _overflowTimer = null;
        _offerCheckTimer?.Dispose();
        _offerCheckTimer = null;
        return Task.CompletedTask;
    }

    public async Task<EnqueueResult> EnqueueAsync(EnqueueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var queue = await ReadQueueAsync();
        // Staged, not yet confirmed: the placement below confirms the arrival in one append with the offer it makes.
        var decision = Stage("enqueue", QueueRules.Enqueue(Current, QueueId, queue, request, Now));
        if (!decision.Accepted)
        {
            return new EnqueueResult(EnqueueOutcome.Refused, decision.Error, Message: decision.Message);
        }
        if (decision.Find<WorkClosedOut>() is { } closed)
        {
            await FlushAsync();
            return new EnqueueResult(EnqueueOutcome.Closed, ClosedAction: closed.Action,
                Message: $"queue {QueueId} is closed");
        }
        if (decision.Find<WorkOverflowed>() is { } overflowed)
        {
            await FlushAsync();
            LogOverflowed(QueueId, request.WorkId, overflowed.Condition.ToString(), overflowed.Target.Value);
            return new EnqueueResult(EnqueueOutcome.Overflowed, OverflowTarget: overflowed.Target,
                Message: $"overflow rule {overflowed.RuleIndex} ({overflowed.Condition}) fired on arrival");
        }
        await PlaceAsync(queue);
        ArmTimers(queue);
        if (Current.Find(request.WorkId) is null)
        {
            return new EnqueueResult(EnqueueOutcome.Refused, QueueCommandError.UnknownWork, Message: "the work left the queue");
        }
        var offeredTo = Current.Waiting.OfferedTo(request.WorkId);
        return new EnqueueResult(offeredTo is null ? EnqueueOutcome.Waiting : EnqueueOutcome.Offered, OfferedTo: offeredTo,
            Position: Current.Waiting.PositionOf(request.WorkId), Treatment: queue?.Treatment ?? new QueueTreatment());
    }

    public async Task<QueueCommandResult> AnsweredAsync(string workId, string agentId)
    {
        var queue = await ReadQueueAsync();
        var decision = await CommitAsync("answered",
            QueueRules.Answer(Current, workId, agentId, queue?.SlaThreshold ?? QueueRules.DefaultSlaThreshold, Now));
        if (!decision.Events.IsDefaultOrEmpty)
        {
            _answerPace.Answered(Now, Current.Waiting.Count);
        }
        ArmTimers(queue);
        return decision.ToResult();
    }

    public async Task<QueueWait> GetWaitAsync(string workId)
    {
        var treatment = (await ReadQueueAsync())?.Treatment ?? new QueueTreatment();
        if (Current.Find(workId) is null)
        {
            return new QueueWait(null, null, treatment);
        }
        var position = Current.Waiting.PositionOf(workId) + 1;
        return new QueueWait(position, _answerPace.ExpectedWait(position), treatment);
    }

    public async Task<QueueCommandResult> AbandonAsync(string workId)
    {
        var decision = await CommitAsync("abandon", QueueRules.Abandon(Current, workId, Now));
        if (decision.Find<QueuedWorkAbandoned>() is { OfferedTo: { } agentId })
        {
            await ReleaseAsync(agentId, workId, ReleaseReason.Withdrawn);
        }
        ArmTimers(await ReadQueueAsync());
        return decision.ToResult();
    }

    public async Task<QueueCommandResult> WithdrawAsync(string workId, string? reason)
    {
        var decision = await CommitAsync("withdraw", QueueRules.Withdraw(Current, workId, reason, Now));
        if (decision.Find<QueuedWorkWithdrawn>() is { OfferedTo: { } agentId })
        {
            await ReleaseAsync(agentId, workId, ReleaseReason.Withdrawn);
        }
        ArmTimers(await ReadQueueAsync());
        return decision.ToResult();
    }

    public async Task<QueueCommandResult> ReturnOfferAsync(string workId, string agentId, ReleaseReason reason, long? offerId = null)
    {
        var decision = await CommitAsync("return offer", QueueRules.ReturnOffer(Current, workId, agentId, reason, Now, offerId));
        if (!decision.Events.IsDefaultOrEmpty)
        {
            // The agent grain may already have released the slot itself (its ring timer); then this is refused there
            // and counts nothing twice.
            await ReleaseAsync(agentId, workId, reason);
        }
        var queue = await ReadQueueAsync();
        await PlaceAsync(queue);
        ArmTimers(queue);
        return decision.ToResult();
    }

    public async Task<QueueCommandResult> AgentJoinedAsync(string agentId)
    {
        var result = await RunAsync("agent joined", QueueRules.AgentJoined(Current, agentId, Now));
        var queue = await ReadQueueAsync();
        await PlaceAsync(queue);
        ArmTimers(queue);
        return result;
    }

    public async Task<QueueCommandResult> AgentLeftAsync(string agentId)
    {
        var result = await RunAsync("agent left", QueueRules.AgentLeft(Current, agentId, Now));
        var queue = await ReadQueueAsync();
        var owners = Current.Owners;
        await NotifyOverflowedAsync(await CommitAsync("overflow", QueueRules.EvaluateOverflow(Current, queue, Now)), owners);
        ArmTimers(queue);
        return result;
    }

    public Task<QueueCommandResult> ResetCountersAsync() => RunAsync("reset counters", QueueRules.ResetCounters(Now));

    public Task<QueueSnapshot> GetSnapshotAsync() => Task.FromResult(Current.ToSnapshot(QueueId, ConfirmedVersion, Now));

    private Task<Queue?> ReadQueueAsync() => _configuration.GetQueueAsync(QueueId);

    private async Task<QueueCommandResult> RunAsync(string command, QueueDecision decision) =>
        (await CommitAsync(command, decision)).ToResult();

    /// <summary>Raises the events of an accepted decision and confirms them (with any staged before them) in one
    /// append.</summary>
    private async Task<QueueDecision> CommitAsync(string command, QueueDecision decision)
    {
        Stage(command, decision);
        await FlushAsync();
        return decision;
    }

    /// <summary>Raises the events of an accepted decision without confirming them: the state moves on at once, and
    /// the turn's next <see cref="FlushAsync"/> appends them with whatever it decides after them. Nothing may leave
    /// the grain on their strength (an answer, a notice to a work owner) before that flush; a turn that fails before
    /// it must drop the activation (<see cref="Grain.DeactivateOnIdle"/>), so that the next one loads the journal
    /// without them.</summary>
    private QueueDecision Stage(string command, QueueDecision decision)
    {
        if (!decision.Accepted)
        {
            LogCommandRefused(QueueId, command, decision.Error?.ToString(), decision.Message);
        }
        else if (!decision.Events.IsDefaultOrEmpty)
        {
            RaiseEvents(decision.Events);
        }
        return decision;
    }

    /// <summary>Appends the staged events, if any, and publishes the queue's figures.</summary>
    private async Task FlushAsync()
    {
        if (Version == ConfirmedVersion)
        {
            return;
        }
        await ConfirmEvents();
        await PublishLiveAsync();
    }

    /// <summary>Makes the overflow timer match the next wait-time deadline of the state, and the offer check run while
    /// offers are outstanding.</summary>
    private void ArmTimers(Queue? queue)
    {
        ArmOfferCheckTimer(queue);
        var deadline = QueueRules.NextOverflowDeadline(Current, queue);
        if (_overflowTimer is { } armed)
        {
            if (armed.Deadline == deadline)
            {
                return;
            }
            armed.Timer.Dispose();
            _overflowTimer = null;
        }
        if (deadline is not { } due)
        {
            return;
        }
        var now = Now;
        var timer = RegisterGrainTimer(_ => OnOverflowDeadlineAsync(), due > now ? due - now : TimeSpan.Zero,
            Timeout.InfiniteTimeSpan);
        _overflowTimer = (due, timer);
    }

    private async Task OnOverflowDeadlineAsync()
    {
        _overflowTimer?.Timer.Dispose();
        _overflowTimer = null;
        var queue = await ReadQueueAsync();
        var owners = Current.Owners;
        await NotifyOverflowedAsync(await CommitAsync("overflow", QueueRules.EvaluateOverflow(Current, queue, Now)), owners);
        ArmTimers(queue);
    }

    [LoggerMessage(4201, LogLevel.Debug, "Queue {QueueId} refused {Command}: {Error} ({Detail})")]
    private partial void LogCommandRefused(string queueId, string command, string? error, string? detail);

    [LoggerMessage(4202, LogLevel.Information, "Queue {QueueId}: work {WorkId} overflowed ({Condition}) to {Target}")]
    private partial void LogOverflowed(string queueId, string workId, string condition, string target);
}
