using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Ivr;

/// <summary>Leave the IVR into a queue.</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="CallerBoost">Priority the node adds to the call's own boost.</param>
/// <param name="RequiredSkills">Skills the call needs beyond the queue's.</param>
public sealed record IvrRoute(string QueueId, int CallerBoost, ImmutableArray<SkillRequirement> RequiredSkills) : IvrAction;
