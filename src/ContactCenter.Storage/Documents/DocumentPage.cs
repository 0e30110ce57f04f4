namespace ContactCenter.Storage.Documents;

/// <summary>One page of documents of a kind, ordered by id (ordinal).</summary>
/// <param name="Items">The documents.</param>
/// <param name="NextAfterId">The id to pass as <c>afterId</c> for the next page; null when this page is the last.</param>
public sealed record DocumentPage<T>(IReadOnlyList<T> Items, string? NextAfterId)
{
    /// <summary>The page size used when none is given.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page a store returns.</summary>
    public const int MaxLimit = 500;
}
