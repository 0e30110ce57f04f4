namespace ContactCenter.Contracts.Configuration;

/// <summary>A skill work needs, at least at <paramref name="MinimumLevel"/> (1-10).</summary>
/// <param name="SkillId">The skill.</param>
/// <param name="MinimumLevel">The lowest agent level that qualifies, 1-10.</param>
public sealed record SkillRequirement(string SkillId, int MinimumLevel);
