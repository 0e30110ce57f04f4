using ContactCenter.Contracts.Voicemails;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Web.Apis;

/// <summary>Voicemails with web access (IVR-3): agents, supervisors and admins list a mailbox's messages newest first,
/// read one, play its recording and mark it heard or handled; supervisors and admins delete it (and its recording, when
/// it lies in the voicemail directory). Status changes and deletes are compare-and-swaps on the version (the ETag) and
/// audited.</summary>
public static partial class VoicemailsApi
{
    private const string Tag = "Voicemails";

    internal static VersionedResource<Voicemail> Resource { get; } =
        VersionedResource<Voicemail>.Document(DocumentKind.Voicemail, "voicemail", v => v.Id, v => v.Version) with { Delete = DeleteAsync };

    /// <summary>Maps <c>GET /voicemails</c>, <c>GET</c> and <c>DELETE /voicemails/{id}</c>,
    /// <c>GET /voicemails/{id}/audio</c> and <c>PUT /voicemails/{id}/status</c> on <paramref name="api"/> (the
    /// <c>/api/v1</c> group).</summary>
    public static IEndpointRouteBuilder MapVoicemailsApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/voicemails", ListAsync)
            .WithName("ListVoicemails")
            .WithSummary("Lists voicemails newest first, of one mailbox (mailboxId) and status when given, a page at a time (pass nextCursor as cursor).")
            .WithTags(Tag)
            .RequireAuthorization(Policies.Agent);
        api.MapGet("/voicemails/{id}", (string id, HttpContext http) => VersionedEndpoints.GetAsync(Resource, id, http))
            .WithName("GetVoicemail")
            .WithSummary("Reads a voicemail; its version is the ETag.")
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Agent);
        api.MapGet("/voicemails/{id}/audio", GetAudioAsync)
            .WithName("GetVoicemailAudio")
            .WithSummary("Plays the voicemail's recording (audio/wav); 404 when its file is gone.")
            .WithTags(Tag)
            .Produces(StatusCodes.Status200OK, contentType: AnnouncementsApi.WavContentTypes[0])
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Agent);
        api.MapPut("/voicemails/{id}/status", (string id, StatusChange? body, HttpContext http) =>
                StatusWrites.ChangeAsync<Voicemail, VoicemailStatus>(Resource, id, body, (v, status) => v with { Status = status }, http))
            .WithName("PutVoicemailStatus")
            .WithSummary("Marks a voicemail New, Heard or Handled (If-Match: its ETag).")
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequireAuthorization(Policies.Agent);
        api.MapDelete("/voicemails/{id}", (string id, HttpContext http) => VersionedEndpoints.DeleteAsync(Resource, id, http))
            .WithName("DeleteVoicemail")
            .WithSummary("Deletes a voicemail and its recording (If-Match: its ETag).")
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequireAuthorization(Policies.Supervisor);
        return api;
    }

    private static Task<Results<Ok<NewestFirstPage<Voicemail>>, ValidationProblem>> ListAsync(string? mailboxId, string? status,
        string? cursor, int? limit, IDocumentStore store, CancellationToken cancellationToken) =>
        NewestFirst.ListAsync<Voicemail, VoicemailStatus>(store, d => mailboxId is null || string.Equals(d.MailboxId, mailboxId, StringComparison.Ordinal),
            status, d => d.Status, d => d.RecordedAt, d => d.Id, cursor, limit, cancellationToken);
}
