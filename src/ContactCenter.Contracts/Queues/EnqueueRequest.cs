using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Queues;

/// <summary>Work to place in a queue (a call leaving the IVR, a chat, a callback).</summary>
public sealed record EnqueueRequest
{
    /// <summary>The interaction id (call id, chat id); unique among the queue's waiting work.</summary>
    public required string WorkId { get; init; }

    /// <summary>The medium; it decides which agent capacity the work takes.</summary>
    public Medium Medium { get; init; } = Medium.Voice;

    /// <summary>Extra priority from the caller (contact status such as VIP, IVR choice); added to the queue's priority.</summary>
    public int CallerBoost { get; init; }

    /// <summary>Skills the work needs beyond the queue's own (e.g. a language chosen in the IVR).</summary>
    public ImmutableArray<SkillRequirement> RequiredSkills { get; init; } = [];

    /// <summary>The agent who last handled this caller (ROUTE-6); the work is held for that agent for the queue's
    /// sticky wait, when the queue has one.</summary>
    public string? StickyAgentId { get; init; }

    /// <summary>The grain that owns the work and is told of offers, lapsed offers and overflow while it waits; null when
    /// the caller asks the queue instead (tests, tools).</summary>
    public IWorkOwner? Owner { get; init; }
}
