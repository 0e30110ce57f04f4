using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace ContactCenter.Web.Apis;

/// <summary>General-problem announcements (IVR-6), read by supervisors and written by admins: list, read, create,
/// replace (which switches them on and off) and delete announcements, and upload and fetch their recordings. The
/// recording's hash and duration are set only by the upload; a replaced announcement keeps them, and a deleted one
/// takes its recording with it.</summary>
public static partial class AnnouncementsApi
{
    private const string Tag = "Announcements";

    // The recording's hash and duration are the upload's: a create has none, a replace keeps the stored ones; a delete
    // takes the recording with it.
    internal static VersionedResource<Announcement> Resource { get; } =
        VersionedResource<Announcement>.KeepingServerMembers<Announcement>(DocumentKind.Announcement, "announcement",
            announcement => announcement.Id, announcement => announcement.Version, announcement => announcement,
            (announcement, stored) => announcement with
            {
                AudioSha256 = stored?.AudioSha256,
                AudioDuration = stored?.AudioDuration ?? TimeSpan.Zero,
            }) with { Delete = DeleteAsync };

    /// <summary>Maps <c>GET /announcements</c>, <c>GET</c>, <c>PUT</c>, <c>DELETE /announcements/{id}</c> and
    /// <c>GET</c> and <c>PUT /announcements/{id}/audio</c> on <paramref name="api"/> (the <c>/api/v1</c> group).</summary>
    public static IEndpointRouteBuilder MapAnnouncementsApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapDocuments<Announcement, Announcement>("/announcements", Resource, announcement => announcement, "Announcement", Tag,
            Policies.Supervisor);
        api.MapGet("/announcements/{id}/audio", GetAudioAsync)
            .WithName("GetAnnouncementAudio")
            .WithSummary("Reads the announcement's recording as uploaded (audio/wav).")
            .WithTags(Tag)
            .Produces(StatusCodes.Status200OK, contentType: WavContentTypes[0])
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Supervisor);
        // The body is read by the handler, not bound: declaring the WAV types as accepted would let routing answer 415
        // before authorization, so the request body is described for OpenAPI only.
        api.MapPut("/announcements/{id}/audio", UploadAudioAsync)
            .WithName("PutAnnouncementAudio")
            .WithSummary($"Uploads the announcement's recording: an 8 kHz mono WAV (16-bit PCM, μ-law or A-law) of at most {AnnouncementAudio.MaxWavLength} bytes as the body (Content-Type audio/wav), under If-Match: the announcement's ETag; sets its audioSha256 and audioDuration.")
            .WithTags(Tag)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The WAV file.",
                    Content = WavContentTypes.ToDictionary(type => type,
                        _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
                };
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<bool> DeleteAsync(IServiceProvider services, string id, long version, CancellationToken cancel)
    {
        var store = Store(services);
        if (!await store.DeleteAsync<Announcement>(id, version, cancel))
        {
            return false;
        }
        // The announcement is gone, so its recording goes too, even if the client left meanwhile. An upload racing with
        // the delete finds the announcement gone and takes its own recording back.
        if (await store.GetAsync<AnnouncementAudio>(id, CancellationToken.None) is { } audio)
        {
            await DeleteQuietlyAsync(store, audio);
        }
        return true;
    }

    private static IDocumentStore Store(IServiceProvider services) => services.GetRequiredService<IDocumentStore>();
}
