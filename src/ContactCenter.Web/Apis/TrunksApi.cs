using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Web.Apis;

/// <summary>SIP trunks, for admins only (their hosts and trust lists are the site's attack surface): list, read,
/// create, replace and delete trunks, and set a trunk's digest secret towards the carrier. No response, audit entry or
/// log line carries the secret; a replaced trunk keeps it.</summary>
public static class TrunksApi
{
    /// <summary>The longest trunk secret accepted.</summary>
    public const int MaximumPasswordLength = DocumentValidator.SipCredentialLength;

    private const string Tag = "Trunks";

    // A replaced trunk keeps its secret.
    internal static VersionedResource<TrunkResource> Resource { get; } =
        VersionedResource<TrunkResource>.KeepingServerMembers<Trunk>(DocumentKind.Trunk, "trunk",
            trunk => trunk.Id, trunk => trunk.Version, TrunkResource.From, (trunk, stored) => trunk.ToTrunk(stored?.AuthPassword));

    /// <summary>Maps <c>GET /trunks</c>, <c>GET</c>, <c>PUT</c>, <c>DELETE /trunks/{id}</c> and
    /// <c>PUT /trunks/{id}/password</c> on <paramref name="api"/> (the <c>/api/v1</c> group), all for admins.</summary>
    public static IEndpointRouteBuilder MapTrunksApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapDocuments<Trunk, TrunkResource>("/trunks", Resource, TrunkResource.From, "Trunk", Tag, Policies.Admin);
        api.MapPut("/trunks/{id}/password", SetPasswordAsync)
            .WithName("SetTrunkPassword")
            .WithSummary($"Sets the trunk's digest secret towards the carrier (1 to {MaximumPasswordLength} characters); stored as given, since answering a challenge needs it, and never returned.")
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetPasswordAsync(
        string id, SipPasswordChange body, HttpContext http, IDocumentStore store)
    {
        if (await store.GetAsync<Trunk>(id, http.RequestAborted) is not { } trunk)
        {
            return ApiProblems.NotFound(Resource.Noun, id);
        }
        var password = body.Password ?? "";
        (string, string)? invalid = password.Length is < 1 or > MaximumPasswordLength || password.Any(char.IsControl)
            ? ("password", $"must have 1 to {MaximumPasswordLength} characters and no control characters")
            : null;
        return await SecretWrites.StoreAsync(http, Resource, "password", id, trunk, trunk.Version, TrunkResource.From, t => t.Version,
            invalid, t => t with { AuthPassword = password });
    }
}
