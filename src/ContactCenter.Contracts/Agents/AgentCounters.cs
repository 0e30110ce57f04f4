namespace ContactCenter.Contracts.Agents;

/// <summary>An agent's figures since <see cref="Since"/> (log-in day or the last reset).</summary>
public sealed record AgentCounters
{
    /// <summary>Start of the counting period.</summary>
    public DateTimeOffset Since { get; init; }

    /// <summary>Slots granted by the arbiter.</summary>
    public int Reserved { get; init; }

    /// <summary>Offers that rang at the agent.</summary>
    public int Offered { get; init; }

    /// <summary>Offers the agent answered (accepted).</summary>
    public int Answered { get; init; }

    /// <summary>Offers that rang out (ROUTE-7).</summary>
    public int Missed { get; init; }

    /// <summary>Offers the agent declined.</summary>
    public int Declined { get; init; }

    /// <summary>Reservations the agent grain released because no offer followed in time.</summary>
    public int ReservationTimeouts { get; init; }

    /// <summary>Interactions whose conversation ended (calls and text work).</summary>
    public int Handled { get; init; }

    /// <summary>Voice calls among <see cref="Handled"/>.</summary>
    public int HandledCalls { get; init; }

    /// <summary>Time in voice conversation.</summary>
    public TimeSpan TalkTime { get; init; }

    /// <summary>Time handling text work (summed over slots, so it may exceed wall time).</summary>
    public TimeSpan ChatTime { get; init; }

    /// <summary>After-call work time (summed over slots).</summary>
    public TimeSpan WrapUpTime { get; init; }

    /// <summary>Time paused, all reasons.</summary>
    public TimeSpan PauseTime { get; init; }

    /// <summary>Time logged in, closed sessions only; see <see cref="AgentStatus.LoggedInSince"/> for the open one.</summary>
    public TimeSpan LoggedInTime { get; init; }

    /// <summary>Logged-in time with at least one slot occupied, closed periods only.</summary>
    public TimeSpan OccupiedTime { get; init; }
}
