using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Ivr;

/// <summary>Leaves the IVR into a queue; from there the queue's treatment (music, position announcements, callback and
/// voicemail options, overflow, closed action) applies. The node has no successor.</summary>
public sealed record IvrQueueNode : IvrNode
{
    /// <summary>The queue.</summary>
    public required string QueueId { get; init; }

    /// <summary>Played before the call is queued; null = none.</summary>
    public IvrPrompt? Prompt { get; init; }

    /// <summary>Priority added to the queue's for this call (IVR choice), 0-100. Default 0.</summary>
    public int CallerBoost { get; init; }

    /// <summary>Skills the call needs beyond the queue's own (e.g. a language chosen in the menu).</summary>
    public ImmutableArray<SkillRequirement> RequiredSkills { get; init; } = [];
}
