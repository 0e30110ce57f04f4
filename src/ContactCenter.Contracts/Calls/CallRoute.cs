using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Calls;

/// <summary>Where to send a call that is not yet queued or connected.</summary>
/// <param name="Target">A queue, an agent, an internal line or an external number.</param>
/// <param name="CallerBoost">Extra work priority (VIP, IVR choice); added to the arrival's boost.</param>
/// <param name="RequiredSkills">Skills the work needs beyond the queue's.</param>
public sealed record CallRoute(RoutingTarget Target, int CallerBoost = 0, ImmutableArray<SkillRequirement> RequiredSkills = default);
