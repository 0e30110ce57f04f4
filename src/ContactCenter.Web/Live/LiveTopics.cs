namespace ContactCenter.Web.Live;

/// <summary>The topics of <see cref="LiveUpdate"/>, which are also the hub client method names.</summary>
public static class LiveTopics
{
    /// <summary>An agent's status changed (<c>AgentStatus</c>).</summary>
    public const string Agent = "agent";

    /// <summary>A call of an agent changed (<c>CallStatus</c>; key: the agent id).</summary>
    public const string Call = "call";

    /// <summary>A queue's figures changed (<c>QueueLiveStatus</c>).</summary>
    public const string Queue = "queue";

    /// <summary>The site's aggregate changed (<c>SiteLiveStatus</c>).</summary>
    public const string Site = "site";

    /// <summary>A supervisor alert (<c>SupervisorAlert</c>).</summary>
    public const string Alert = "alert";
}
