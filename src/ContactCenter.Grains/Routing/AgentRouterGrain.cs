using System.Collections.Immutable;
using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Grains.Routing;

/// <summary>See <see cref="IAgentRouterGrain"/>. Holds no durable state: what it does is recorded by the queues
/// (joins, leaves, claims with their pull decisions) and the agent (reservations).</summary>
internal sealed partial class AgentRouterGrain : Grain, IAgentRouterGrain
{
    /// <summary>Bound on the rounds a run repeats because pushes were refused meanwhile. Under load an idle agent keeps
    /// being offered pushes that it refuses while pulling and that other agents then take, so its rounds could repeat
    /// without end; a run that reaches the bound ends the agent's round and lets its queues push to it again. (Rounds
    /// that claim work do not count: each takes a slot, so they end by themselves.)</summary>
    private const int MaxRepeats = 3;

    private readonly IAgentConfigurationSource _configuration;
    private readonly ILogger _logger;

    // Transient: per queue, whether this activation last told it the agent is in it. A new activation tells every
    // queue again; joins and leaves are idempotent at the queue.
    private readonly Dictionary<string, bool> _told = new(StringComparer.Ordinal);

    public AgentRouterGrain(IAgentConfigurationSource configuration, IServiceProvider services)
    {
        _configuration = configuration;
        _logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<AgentRouterGrain>();
    }

    private string AgentId => GetPrimaryKeyString();

    public Task RequestRunAsync() => RunAsync();

    public async Task<AgentRouterRun> RunAsync()
    {
        var agent = GrainFactory.GetGrain<IAgentGrain>(AgentId);
        var snapshot = await agent.GetSnapshotAsync();
        var (joined, left) = await TellQueuesAsync(snapshot);
        var claimed = ImmutableArray.CreateBuilder<PullDecision>();
        var refused = new HashSet<string>(StringComparer.Ordinal);
        var rounds = 0;
        var repeats = 0;
        while (true)
        {
            rounds++;
            if (rounds > 1)
            {
                snapshot = await agent.GetSnapshotAsync();
            }
            var decision = await DecideAsync(snapshot, refused);
            if (decision.ChosenWorkItemId is { } workId)
            {
                if (await ClaimAsync(decision))
                {
                    claimed.Add(decision);
                }
                else
                {
                    refused.Add(workId);
                }
                continue;
            }
            if (repeats == MaxRepeats)
            {
                LogRepeatsExhausted(AgentId, MaxRepeats);
                // Ending the round tells the queues, which then push work refused during it that still waits.
                await agent.EndPullAsync(force: true);
                break;
            }
            if (!await agent.EndPullAsync())
            {
                break;
            }
            repeats++;
        }
        return new AgentRouterRun(joined, left, claimed.ToImmutable(), rounds);
    }

    /// <summary>Tells each queue the agent is in, and each queue told before, whether the agent is in it now, where that
    /// differs from what this activation last told it. A fresh activation has told nothing yet, so it also tells the
    /// profile's other queues that the agent is not in them (a log-out its predecessor never passed on); later runs
    /// need not read the profile, since every queue the agent joins shows in its snapshot first.</summary>
    private async Task<(ImmutableArray<string> Joined, ImmutableArray<string> Left)> TellQueuesAsync(AgentSnapshot snapshot)
    {
        var current = snapshot.Queues.Select(q => q.QueueId).ToHashSet(StringComparer.Ordinal);
        var known = new SortedSet<string>(current, StringComparer.Ordinal);
        known.UnionWith(_told.Keys);
        if (_told.Count == 0)
        {
            var profile = await _configuration.GetAgentProfileAsync(AgentId);
            known.UnionWith(profile?.Queues.Select(q => q.QueueId) ?? []);
        }
        var joined = ImmutableArray.CreateBuilder<string>();
        var left = ImmutableArray.CreateBuilder<string>();
        foreach (var queueId in known)
        {
            var isIn = current.Contains(queueId);
            if (_told.TryGetValue(queueId, out var told) && told == isIn)
            {
                continue;
            }
            var queue = GrainFactory.GetGrain<IQueueGrain>(queueId);
            try
            {
                var result = isIn ? await queue.AgentJoinedAsync(AgentId) : await queue.AgentLeftAsync(AgentId);
                _told[queueId] = isIn;
                if (result.Changed)
                {
                    (isIn ? joined : left).Add(queueId);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogQueueUnreachable(AgentId, queueId, isIn ? "join" : "leave", exception.Message);
            }
        }
        return (joined.ToImmutable(), left.ToImmutable());
    }

    /// <summary>One pull decision on the heads of every queue the agent is in, leaving out work whose claim failed in
    /// this run. Queues are not asked when the agent cannot take work.</summary>
    private async Task<PullDecision> DecideAsync(AgentSnapshot snapshot, HashSet<string> refused)
    {
        var now = TimeProvider.GetUtcNow();
        var canTake = Eligibility.CheckPresence(snapshot) is null && snapshot.Slots.Any(s => s.Ready && s.HasRoom);
        if (!canTake || snapshot.Queues.IsDefaultOrEmpty)
        {
            return PullRouter.Decide(new PullInput(snapshot, [], now));
        }
        var lists = await Task.WhenAll(snapshot.Queues.Select(q => HeadsOrEmptyAsync(q.QueueId, snapshot)));
        ImmutableArray<WorkItem> heads = [.. lists.SelectMany(h => h).Where(w => !refused.Contains(w.Id))];
        return PullRouter.Decide(new PullInput(snapshot, heads, now));
    }

    private async Task<ImmutableArray<WorkItem>> HeadsOrEmptyAsync(string queueId, AgentSnapshot snapshot)
    {
        try
        {
            return await GrainFactory.GetGrain<IQueueGrain>(queueId).GetHeadsAsync(snapshot);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogQueueUnreachable(AgentId, queueId, "heads", exception.Message);
            return [];
        }
    }

    private async Task<bool> ClaimAsync(PullDecision decision)
    {
        var queueId = decision.ChosenQueueId!;
        try
        {
            var result = await GrainFactory.GetGrain<IQueueGrain>(queueId).ClaimAsync(decision);
            if (!result.Succeeded)
            {
                LogClaimRefused(AgentId, decision.ChosenWorkItemId!, queueId, result.Error?.ToString(), result.Message);
            }
            return result.Succeeded;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogQueueUnreachable(AgentId, queueId, "claim", exception.Message);
            return false;
        }
    }

    [LoggerMessage(4301, LogLevel.Warning, "Agent router {AgentId}: queue {QueueId} unreachable for {Operation}: {Error}")]
    private partial void LogQueueUnreachable(string agentId, string queueId, string operation, string error);

    [LoggerMessage(4302, LogLevel.Debug, "Agent router {AgentId}: claim of work {WorkId} in queue {QueueId} refused: {Error} ({Detail})")]
    private partial void LogClaimRefused(string agentId, string workId, string queueId, string? error, string? detail);

    [LoggerMessage(4303, LogLevel.Debug, "Agent router {AgentId}: {Repeats} repeated pull rounds without settling; the round ends and the queues push")]
    private partial void LogRepeatsExhausted(string agentId, int repeats);
}
