namespace ContactCenter.Contracts.Configuration;

/// <summary>An agent's level in a skill, 1 (novice) to 10 (expert).</summary>
/// <param name="SkillId">The skill.</param>
/// <param name="Level">1-10.</param>
public sealed record SkillLevel(string SkillId, int Level)
{
    /// <summary>Lowest level.</summary>
    public const int Min = 1;

    /// <summary>Highest level.</summary>
    public const int Max = 10;
}
