namespace ContactCenter.Web.Apis;

/// <summary>One page of a listing ordered newest first (voicemails, callbacks).</summary>
/// <param name="Items">The items, newest first (ties by id, ordinal).</param>
/// <param name="NextCursor">The value to pass as <c>cursor</c> for the next page; null when this page is the last.</param>
public sealed record NewestFirstPage<T>(IReadOnlyList<T> Items, string? NextCursor);
