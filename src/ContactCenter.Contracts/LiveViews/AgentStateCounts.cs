namespace ContactCenter.Contracts.LiveViews;

/// <summary>How many agents show each displayed state (ARCHITECTURE.md's rule); logged-out agents are not counted.</summary>
public sealed record AgentStateCounts
{
    /// <summary>Agents logged in (the sum of the others).</summary>
    public int LoggedIn { get; init; }

    /// <summary>Ready for work.</summary>
    public int Available { get; init; }

    /// <summary>Holding an offer before their line rings.</summary>
    public int Reserved { get; init; }

    /// <summary>Their line rings.</summary>
    public int Ringing { get; init; }

    /// <summary>On a call.</summary>
    public int Busy { get; init; }

    /// <summary>In after-call work.</summary>
    public int WrapUp { get; init; }

    /// <summary>In chats only.</summary>
    public int Chatting { get; init; }

    /// <summary>Paused, whatever the reason.</summary>
    public int Paused { get; init; }
}
