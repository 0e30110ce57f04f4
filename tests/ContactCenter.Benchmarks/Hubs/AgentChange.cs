using ContactCenter.Contracts.Agents;

namespace ContactCenter.Benchmarks.Hubs;

/// <summary>One measured state change made through an agent grain.</summary>
/// <param name="Index">Its place in the run (0 = first).</param>
/// <param name="AgentId">The agent.</param>
/// <param name="State">The displayed state it leads to.</param>
/// <param name="DisplayedSince">The grain's event time of the change (<see cref="AgentStatus.DisplayedSince"/>).</param>
/// <param name="FreeAfter">The site's available agents once the change is counted (the wallboard's "free" tile).</param>
internal sealed record AgentChange(int Index, string AgentId, DisplayedState State, DateTimeOffset DisplayedSince, int FreeAfter)
{
    /// <summary>The event time in milliseconds since the Unix epoch, with the clock's sub-millisecond part.</summary>
    public double EventMs => UnixMs(DisplayedSince);

    /// <summary><paramref name="time"/> in milliseconds since the Unix epoch (what a browser's
    /// <c>performance.timeOrigin + performance.now()</c> counts).</summary>
    public static double UnixMs(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).TotalMilliseconds;
}
