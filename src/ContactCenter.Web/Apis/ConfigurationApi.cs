using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Web.Apis;

/// <summary>The configuration REST API (ADM-2): skills, queues, agent profiles, pause codes, call categories, no-answer
/// policies, transfer groups, trunks, inbound numbers, announcements and the site settings, read by supervisors and
/// written by admins, every write a compare-and-swap on the document's version (its ETag) and audited.</summary>
public static class ConfigurationApi
{
    /// <summary>Maps the configuration endpoints on <paramref name="api"/> (the <c>/api/v1</c> group): for each kind
    /// <c>GET /x</c> (a page by id), <c>GET</c>, <c>PUT</c> and <c>DELETE /x/{id}</c>; <c>GET</c> and
    /// <c>PUT /site-settings</c>; the SIP secrets of trunks and agent profiles and the announcements' recordings have
    /// their own endpoints. Admins write; supervisors read everything but trunks (admins only); agents read what their
    /// workspace names (skills, queues, pause codes, categories, transfer groups) but not other agents' profiles, the
    /// no-answer policies or the telephony configuration.</summary>
    public static IEndpointRouteBuilder MapConfigurationApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapDocuments("/skills", VersionedResource<Skill>.Document(DocumentKind.Skill, "skill", d => d.Id, d => d.Version),
            "Skill", "Skills", Policies.Agent);
        api.MapDocuments("/queues", VersionedResource<Queue>.Document(DocumentKind.Queue, "queue", d => d.Id, d => d.Version),
            "Queue", "Queues", Policies.Agent);
        api.MapAgentProfilesApi();
        api.MapDocuments("/pause-codes",
            VersionedResource<PauseCode>.Document(DocumentKind.PauseCode, "pause code", d => d.Id, d => d.Version),
            "PauseCode", "PauseCodes", Policies.Agent);
        api.MapDocuments("/categories",
            VersionedResource<CallCategory>.Document(DocumentKind.CallCategory, "call category", d => d.Id, d => d.Version),
            "Category", "Categories", Policies.Agent);
        api.MapDocuments("/no-answer-policies",
            VersionedResource<NoAnswerPolicy>.Document(DocumentKind.NoAnswerPolicy, "no-answer policy", d => d.Id, d => d.Version),
            "NoAnswerPolicy", "NoAnswerPolicies", Policies.Supervisor);
        api.MapDocuments("/transfer-groups",
            VersionedResource<TransferGroup>.Document(DocumentKind.TransferGroup, "transfer group", d => d.Id, d => d.Version),
            "TransferGroup", "TransferGroups", Policies.Agent);
        api.MapTrunksApi();
        api.MapDocuments("/numbers",
            VersionedResource<InboundNumber>.Document(DocumentKind.InboundNumber, "inbound number", d => d.Id, d => d.Version),
            "InboundNumber", "InboundNumbers", Policies.Supervisor);
        api.MapAnnouncementsApi();
        api.MapSiteSettings();
        return api;
    }

    private static void MapDocuments<T>(this IEndpointRouteBuilder api, string path, VersionedResource<T> resource,
        string operation, string plural, string readPolicy)
        where T : class =>
        api.MapDocuments(path, resource, (T document) => document, operation, plural, readPolicy);

    /// <summary>Maps the list and item endpoints of a document kind whose API resource <typeparamref name="TResource"/>
    /// differs from the stored <typeparamref name="TDocument"/> (it leaves secrets out): <paramref name="show"/> turns a
    /// listed document into its resource. Admins write.</summary>
    internal static void MapDocuments<TDocument, TResource>(this IEndpointRouteBuilder api, string path,
        VersionedResource<TResource> resource, Func<TDocument, TResource> show, string operation, string plural, string readPolicy)
        where TDocument : class
        where TResource : class
    {
        api.MapGet(path, (string? afterId, int? limit, IDocumentStore store, CancellationToken cancellationToken) =>
                ListAsync(afterId, limit, show, store, cancellationToken))
            .WithName($"List{plural}")
            .WithSummary($"Lists {resource.Noun} documents by id, a page at a time (pass nextAfterId as afterId).")
            .WithTags(plural)
            .RequireAuthorization(readPolicy);
        api.MapItem($"{path}/{{id}}", resource, operation, plural, readPolicy, Policies.Admin, Policies.Admin);
    }

    private static void MapSiteSettings(this IEndpointRouteBuilder api)
    {
        const string Tag = "SiteSettings";
        var resource = VersionedResource<SiteSettings>.Document(DocumentKind.SiteSettings, "site settings", d => d.Id, d => d.Version);
        // A lambda taking only the context would bind as a RequestDelegate and drop its result.
        api.MapGet("/site-settings", (HttpContext http, CancellationToken _) => VersionedEndpoints.GetAsync(resource, SiteSettings.SiteId, http))
            .WithName("GetSiteSettings")
            .WithSummary("Reads the site settings; their version is the ETag.")
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Supervisor);
        api.MapPut("/site-settings", (SiteSettings body, HttpContext http) => VersionedEndpoints.PutAsync(resource, SiteSettings.SiteId, body, http))
            .WithName("PutSiteSettings")
            .WithSummary("Creates the site settings (no If-Match) or replaces them (If-Match: their ETag).")
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequireAuthorization(Policies.Admin);
    }

    private static async Task<Results<Ok<DocumentPage<TResource>>, ValidationProblem>> ListAsync<TDocument, TResource>(
        string? afterId, int? limit, Func<TDocument, TResource> show, IDocumentStore store, CancellationToken cancellationToken)
        where TDocument : class
        where TResource : class
    {
        var size = limit ?? DocumentPage<TDocument>.DefaultLimit;
        if (ApiProblems.CheckPageLimit<TDocument>(size) is { } invalid)
        {
            return invalid;
        }
        var page = await store.ListAsync<TDocument>(afterId, size, cancellationToken);
        return TypedResults.Ok(new DocumentPage<TResource>([.. page.Items.Select(show)], page.NextAfterId));
    }
}
