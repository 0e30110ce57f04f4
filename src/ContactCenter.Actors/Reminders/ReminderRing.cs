namespace ContactCenter.Actors;

/// <summary>The ring rule every reminder provider and the reminder service share.</summary>
public static class ReminderRing
{
    /// <summary>Whether <paramref name="hash"/> lies in (<paramref name="beginExclusive"/>, <paramref name="endInclusive"/>],
    /// wrapping when begin &gt; end; begin = end is the whole ring.</summary>
    public static bool InRange(uint hash, uint beginExclusive, uint endInclusive) =>
        beginExclusive < endInclusive
            ? hash > beginExclusive && hash <= endInclusive
            : beginExclusive == endInclusive || hash > beginExclusive || hash <= endInclusive;
}
