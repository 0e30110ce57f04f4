using System.Diagnostics;
using ContactCenter.Contracts.Agents;

namespace ContactCenter.Benchmarks.Hubs;

/// <summary>Makes paced state changes through the agent grains: change k pauses (even rounds) or resumes (odd rounds)
/// agent k mod N, so the site's free agents walk down to zero and back up, each agent's changes are N changes apart,
/// and the rate stays fixed whatever the latency (an open loop: it measures latency, not a backlog).</summary>
internal sealed class AgentChangeDriver(IGrainFactory grains, IReadOnlyList<string> agentIds, double perSecond)
{
    /// <summary>Starts of changes that were due more than one interval earlier (the driver fell behind its pace).</summary>
    public int Late { get; private set; }

    /// <summary>Makes <paramref name="count"/> changes; <paramref name="free"/> is the site's available agents before the
    /// first. Returns each change and the round trip of each grain command (Stopwatch ticks).</summary>
    public async Task<(List<AgentChange> Changes, long[] CommandTicks)> RunAsync(int count, int free)
    {
        var changes = new List<AgentChange>(count);
        var commandTicks = new long[count];
        var interval = Stopwatch.Frequency / perSecond;
        var start = Stopwatch.GetTimestamp();
        Late = 0;
        for (var k = 0; k < count; k++)
        {
            var due = start + (long)(k * interval);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            }
            else if (-wait > interval)
            {
                Late++;
            }
            var agentId = agentIds[k % agentIds.Count];
            var pause = k / agentIds.Count % 2 == 0;
            var agent = grains.GetGrain<IAgentGrain>(agentId);
            var before = Stopwatch.GetTimestamp();
            var result = pause ? await agent.PauseAsync(HubSite.PauseCodeId) : await agent.ResumeAsync();
            commandTicks[k] = Stopwatch.GetTimestamp() - before;
            if (!result.Succeeded || !result.Changed)
            {
                throw new InvalidOperationException($"change {k}: {(pause ? "pause" : "resume")} of {agentId} was {result}");
            }
            var status = await agent.GetStatusAsync();
            var expected = pause ? DisplayedState.Paused : DisplayedState.Available;
            if (status.Displayed.State != expected)
            {
                throw new InvalidOperationException($"change {k}: {agentId} shows {status.Displayed.State} after the command, not {expected}");
            }
            free += pause ? -1 : 1;
            changes.Add(new AgentChange(k, agentId, expected, status.DisplayedSince, free));
        }
        return (changes, commandTicks);
    }
}
