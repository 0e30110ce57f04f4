using ContactCenter.Contracts.Callbacks;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Web.Apis;

/// <summary>Callback tasks (IVR-4): agents, supervisors and admins list a queue's callback requests newest first, read
/// one and mark it Completed or Cancelled (or Pending again); a status change is a compare-and-swap on the version (the
/// ETag) and audited.</summary>
public static class CallbacksApi
{
    private const string Tag = "Callbacks";

    internal static VersionedResource<CallbackRequest> Resource { get; } =
        VersionedResource<CallbackRequest>.Document(DocumentKind.CallbackRequest, "callback request", c => c.Id, c => c.Version);

    /// <summary>Maps <c>GET /callbacks</c>, <c>GET /callbacks/{id}</c> and <c>PUT /callbacks/{id}/status</c> on
    /// <paramref name="api"/> (the <c>/api/v1</c> group).</summary>
    public static IEndpointRouteBuilder MapCallbacksApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/callbacks", ListAsync)
            .WithName("ListCallbacks")
            .WithSummary("Lists callback requests newest first, of one queue (queueId) and status when given, a page at a time (pass nextCursor as cursor).")
            .WithTags(Tag)
            .RequireAuthorization(Policies.Agent);
        api.MapGet("/callbacks/{id}", (string id, HttpContext http) => VersionedEndpoints.GetAsync(Resource, id, http))
            .WithName("GetCallback")
            .WithSummary("Reads a callback request; its version is the ETag.")
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Agent);
        api.MapPut("/callbacks/{id}/status", (string id, StatusChange? body, HttpContext http) =>
                StatusWrites.ChangeAsync<CallbackRequest, CallbackStatus>(Resource, id, body, (c, status) => c with { Status = status }, http))
            .WithName("PutCallbackStatus")
            .WithSummary("Marks a callback request Pending, Completed or Cancelled (If-Match: its ETag).")
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequireAuthorization(Policies.Agent);
        return api;
    }

    private static Task<Results<Ok<NewestFirstPage<CallbackRequest>>, ValidationProblem>> ListAsync(string? queueId, string? status,
        string? cursor, int? limit, IDocumentStore store, CancellationToken cancellationToken) =>
        NewestFirst.ListAsync<CallbackRequest, CallbackStatus>(store, d => queueId is null || string.Equals(d.QueueId, queueId, StringComparison.Ordinal),
            status, d => d.Status, d => d.CreatedAt, d => d.Id, cursor, limit, cancellationToken);
}
