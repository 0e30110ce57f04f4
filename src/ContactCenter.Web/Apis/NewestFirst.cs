using System.Globalization;
using ContactCenter.Storage.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Web.Apis;

/// <summary>Pages of documents ordered newest first, continued by an opaque cursor naming the last item's time and id
/// (<c>{utcTicks}:{id}</c>): an item deleted or added meanwhile neither repeats nor skips the others.</summary>
internal static class NewestFirst
{
    /// <summary>The page of the documents of <typeparamref name="T"/> that <paramref name="belongs"/> keeps and whose
    /// status is the one <paramref name="status"/> names (any when null); a 400 on <c>status</c> for a name that is none
    /// of <typeparamref name="TStatus"/>. The store keeps documents by id only, so the kind is read whole and ordered
    /// here: fine for lists that are worked off (mailboxes, callback requests).</summary>
    public static async Task<Results<Ok<NewestFirstPage<T>>, ValidationProblem>> ListAsync<T, TStatus>(IDocumentStore store,
        Func<T, bool> belongs, string? status, Func<T, TStatus> statusOf, Func<T, DateTimeOffset> timeOf, Func<T, string> idOf,
        string? cursor, int? limit, CancellationToken cancellationToken)
        where T : class
        where TStatus : struct, Enum
    {
        TStatus? wanted = null;
        if (status is not null)
        {
            if (!StatusWrites.TryParse<TStatus>(status, out var parsed))
            {
                return ApiProblems.Invalid("status", StatusWrites.MustBeOneOf<TStatus>());
            }
            wanted = parsed;
        }
        var matching = new List<T>();
        await foreach (var item in store.ReadAllAsync<T>(cancellationToken))
        {
            if (belongs(item) && (wanted is not { } only || EqualityComparer<TStatus>.Default.Equals(statusOf(item), only)))
            {
                matching.Add(item);
            }
        }
        return Page(matching, timeOf, idOf, cursor, limit);
    }

    /// <summary>The page of <paramref name="items"/> (already filtered) that follows <paramref name="cursor"/>, at most
    /// <paramref name="limit"/> long; a 400 on <c>limit</c> or <c>cursor</c> when either is not valid.</summary>
    public static Results<Ok<NewestFirstPage<T>>, ValidationProblem> Page<T>(IEnumerable<T> items, Func<T, DateTimeOffset> timeOf,
        Func<T, string> idOf, string? cursor, int? limit)
        where T : class
    {
        var size = limit ?? DocumentPage<T>.DefaultLimit;
        if (ApiProblems.CheckPageLimit<T>(size) is { } invalid)
        {
            return invalid;
        }
        (long Ticks, string Id)? after = null;
        if (cursor is not null)
        {
            if (Parse(cursor) is not { } parsed)
            {
                return ApiProblems.Invalid("cursor", "is not a cursor of this listing");
            }
            after = parsed;
        }
        var ordered = items
            .Select(item => (Item: item, Ticks: timeOf(item).UtcTicks, Id: idOf(item)))
            .Where(entry => after is not { } a || entry.Ticks < a.Ticks
                            || (entry.Ticks == a.Ticks && string.CompareOrdinal(entry.Id, a.Id) > 0))
            .OrderByDescending(entry => entry.Ticks)
            .ThenBy(entry => entry.Id, StringComparer.Ordinal)
            .Take(size + 1)
            .ToList();
        var page = ordered.Take(size).ToList();
        var next = ordered.Count > size ? Cursor(page[^1].Ticks, page[^1].Id) : null;
        return TypedResults.Ok(new NewestFirstPage<T>([.. page.Select(entry => entry.Item)], next));
    }

    private static string Cursor(long ticks, string id) => $"{ticks.ToString(CultureInfo.InvariantCulture)}:{id}";

    private static (long Ticks, string Id)? Parse(string cursor)
    {
        var colon = cursor.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
               && long.TryParse(cursor.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
               && colon < cursor.Length - 1
            ? (ticks, cursor[(colon + 1)..])
            : null;
    }
}
