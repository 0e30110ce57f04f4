namespace ContactCenter.Contracts.Ivr;

/// <summary>The general-problem announcement slot (IVR-6): plays the announcement admins upload and activate under
/// <see cref="AnnouncementId"/>, only while it is active; inactive (or never uploaded), the node passes straight to
/// <see cref="Next"/>. The activation state lives with the announcement, not in the tree, so toggling it needs no new
/// tree version.</summary>
public sealed record IvrAnnouncementNode : IvrNode
{
    /// <summary>The announcement.</summary>
    public required string AnnouncementId { get; init; }

    /// <summary>Node after the announcement (or at once when it is inactive).</summary>
    public required string Next { get; init; }
}
