namespace ContactCenter.Contracts.Routing;

/// <summary>An agent's readiness and load for one medium.</summary>
/// <param name="Medium">The medium.</param>
/// <param name="Capacity">Concurrent interactions allowed; 0 = does not take the medium.</param>
/// <param name="InUse">Slots occupied (reserved, ringing, in conversation or wrap-up).</param>
/// <param name="Ready">The agent grain's readiness for the medium (false e.g. during wrap-up, while a voice call blocks
/// text work by the agent's capacity rules, or with no phone registered).</param>
public sealed record MediumSlot(Medium Medium, int Capacity, int InUse, bool Ready)
{
    /// <summary>True when one more interaction fits.</summary>
    public bool HasRoom => InUse < Capacity;
}
