using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Routing;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Grains.Agents;

/// <summary>Pull: when the agent becomes ready it opens a pull round and asks its router to run it. While the round is
/// open, pushes that the rules would grant are refused (<see cref="ExclusionReason.PullInProgress"/>), so work that
/// arrived later in one queue cannot overtake older work in another; the router's claims carry
/// <see cref="ReservationRequest.Pulled"/> and pass. A round the router never ends lapses after
/// <see cref="AgentRoutingOptions.PullTimeout"/> and is asked for again while the agent can still take work.</summary>
internal sealed partial class AgentGrain
{
    // Transient: the open pull round (none after an activation, which opens one itself when the agent can take work).
    private DateTimeOffset? _pullOpenedAt;
    private bool _pushRefusedDuringPull;
    private IDisposable? _pullTimer;

    private bool PullOpen => _pullOpenedAt is { } opened && Now - opened < _routing.PullTimeout;

    public Task<bool> EndPullAsync(bool force = false)
    {
        if (!force && _pullOpenedAt is not null && _pushRefusedDuringPull)
        {
            _pushRefusedDuringPull = false;
            return Task.FromResult(true);
        }
        ClosePull();
        TellQueues(Current); // no longer pulling: the queues may push again
        return Task.FromResult(false);
    }

    /// <summary>After an accepted change from <paramref name="before"/>: the agent's queues (before and after) are told
    /// the new snapshot; the router runs when the agent became ready (with a pull round opened) or its queue log-ins
    /// changed. The queues hear of the change first, so a queue that the router then asks for its heads already ranks
    /// with the new snapshot.</summary>
    private async Task AfterChangeAsync(AgentState before)
    {
        var ready = _routing.Enabled && AgentRules.BecameReady(before, Current);
        if (ready)
        {
            OpenPull();
        }
        TellQueues(before);
        if (_routing.Enabled && (ready || AgentRules.QueuesChanged(before, Current)))
        {
            await RequestRouterRunAsync();
        }
    }

    private AgentSnapshot Snapshot() => Current.ToSnapshot(AgentId, Now) with { Version = ConfirmedVersion, Pulling = PullOpen };

    /// <summary>One-way notices of the current snapshot to every queue the agent is or was (<paramref name="before"/>)
    /// logged in to, after every change of it — events and pull rounds alike — so the last notice a queue received is
    /// the agent as it is. With routing on, a queue offers the agent waiting work it can take.</summary>
    private void TellQueues(AgentState before)
    {
        var snapshot = Snapshot();
        foreach (var queueId in before.Queues.Select(q => q.QueueId).Union(Current.Queues.Select(q => q.QueueId), StringComparer.Ordinal))
        {
            _ = GrainFactory.GetGrain<IQueueGrain>(queueId).AgentChangedAsync(snapshot, _routing.Enabled);
        }
    }

    /// <summary>A push the rules would grant is refused while a pull round is open; a pulled claim passes.</summary>
    private ReservationResult? RefuseDuringPull(ReservationRequest request, AgentDecision decision)
    {
        if (request.Pulled || !PullOpen || !decision.Accepted || decision.Events.IsDefaultOrEmpty)
        {
            return null;
        }
        _pushRefusedDuringPull = true;
        LogCommandRefused(AgentId, "reserve", nameof(ExclusionReason.PullInProgress), request.WorkId);
        return new ReservationResult(false, ExclusionReason.PullInProgress,
            Message: $"work {request.WorkId} refused: the agent is pulling from its queues");
    }

    private void OpenPull()
    {
        ClosePull();
        _pullOpenedAt = Now;
        _pullTimer = RegisterGrainTimer(_ => OnPullTimeoutAsync(), _routing.PullTimeout, Timeout.InfiniteTimeSpan);
    }

    private void ClosePull()
    {
        _pullOpenedAt = null;
        _pushRefusedDuringPull = false;
        _pullTimer?.Dispose();
        _pullTimer = null;
    }

    private async Task OnPullTimeoutAsync()
    {
        ClosePull();
        var again = AgentRules.CanTakeWork(Current);
        if (again)
        {
            LogPullLapsed(AgentId, _routing.PullTimeout);
            OpenPull();
        }
        TellQueues(Current);
        if (again)
        {
            await RequestRouterRunAsync();
        }
    }

    private Task RequestRouterRunAsync() => GrainFactory.GetGrain<IAgentRouterGrain>(AgentId).RequestRunAsync();

    [LoggerMessage(4104, LogLevel.Warning, "Agent {AgentId}: the pull round was not ended within {Timeout}; asking for a new one")]
    private partial void LogPullLapsed(string agentId, TimeSpan timeout);
}
