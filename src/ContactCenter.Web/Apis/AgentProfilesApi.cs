using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Web.Apis;

/// <summary>Agent profiles, read by supervisors and written by admins, and the agents' SIP passwords: only their HA1
/// hashes for the site's SIP realm are stored, and no response, audit entry or log line carries them. A replaced
/// profile keeps its hashes while its SIP user name stays the same.</summary>
public static class AgentProfilesApi
{
    /// <summary>The shortest SIP password accepted.</summary>
    public const int MinimumSipPasswordLength = 8;

    /// <summary>The longest SIP password accepted.</summary>
    public const int MaximumSipPasswordLength = 128;

    private const string Tag = "AgentProfiles";

    // A replaced profile keeps its hashes while its SIP user name stays the same (AgentProfileResource.ToProfile).
    internal static VersionedResource<AgentProfileResource> Resource { get; } =
        VersionedResource<AgentProfileResource>.KeepingServerMembers<AgentProfile>(DocumentKind.AgentProfile, "agent profile",
            profile => profile.Id, profile => profile.Version, AgentProfileResource.From, (profile, stored) => profile.ToProfile(stored));

    /// <summary>Maps <c>GET /agent-profiles</c>, <c>GET</c>, <c>PUT</c>, <c>DELETE /agent-profiles/{id}</c> and
    /// <c>PUT /agent-profiles/{id}/sip-password</c> on <paramref name="api"/> (the <c>/api/v1</c> group).</summary>
    public static IEndpointRouteBuilder MapAgentProfilesApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapDocuments<AgentProfile, AgentProfileResource>("/agent-profiles", Resource, AgentProfileResource.From, "AgentProfile", Tag, Policies.Supervisor);
        api.MapPut("/agent-profiles/{id}/sip-password", SetSipPasswordAsync)
            .WithName("SetAgentSipPassword")
            .WithSummary($"Sets the password of the agent's SIP account ({MinimumSipPasswordLength} to {MaximumSipPasswordLength} characters) for the site's SIP realm; only its HA1 hashes are stored.")
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetSipPasswordAsync(
        string id, SipPasswordChange body, HttpContext http, IDocumentStore store)
    {
        if (await store.GetAsync<AgentProfile>(id, http.RequestAborted) is not { } profile)
        {
            return ApiProblems.NotFound(Resource.Noun, id);
        }
        // A settings document written before the realm existed reads it as null.
        var realm = (await store.GetAsync<SiteSettings>(SiteSettings.SiteId, http.RequestAborted))?.SipRealm ?? SiteSettings.DefaultSipRealm;
        var password = body.Password ?? "";
        (string, string)? invalid =
            profile.SipUsername is null ? ("sipUsername", "the profile has no SIP user name: set one before its password")
            : password.Length is < MinimumSipPasswordLength or > MaximumSipPasswordLength || string.IsNullOrWhiteSpace(password)
                ? ("password", $"must have {MinimumSipPasswordLength} to {MaximumSipPasswordLength} characters")
                : null;
        return await SecretWrites.StoreAsync(http, Resource, "sipPassword", id, profile, profile.Version, AgentProfileResource.From,
            p => p.Version, invalid, p => p with
            {
                SipPasswordMd5Ha1 = SipPasswordHashes.Md5Ha1(p.SipUsername!, realm, password),
                SipPasswordSha256Ha1 = SipPasswordHashes.Sha256Ha1(p.SipUsername!, realm, password),
            });
    }
}
