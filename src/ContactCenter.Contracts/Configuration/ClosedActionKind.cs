namespace ContactCenter.Contracts.Configuration;

/// <summary>What happens to work arriving while its queue is closed.</summary>
public enum ClosedActionKind
{
    /// <summary>Play the closed announcement (if any) and end the interaction.</summary>
    Announce,

    /// <summary>Play the announcement (if any) and forward to <see cref="ClosedAction.Target"/>.</summary>
    Forward,
}
