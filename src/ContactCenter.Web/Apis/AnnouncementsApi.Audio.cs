using System.Security.Cryptography;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Media.Recording;
using ContactCenter.Storage.Audit;
using ContactCenter.Storage.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ContactCenter.Web.Apis;

public static partial class AnnouncementsApi
{
    /// <summary>The content types a recording is uploaded with (the first is the one it is served with).</summary>
    internal static IReadOnlyList<string> WavContentTypes { get; } = ["audio/wav", "audio/x-wav", "audio/wave"];

    private const int SampleRate = 8000;

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAudioAsync(
        string id, IDocumentStore store, CancellationToken cancellationToken)
    {
        var announcement = await store.GetAsync<Announcement>(id, cancellationToken);
        if (announcement is null)
        {
            return ApiProblems.NotFound(Resource.Noun, id);
        }
        // Only the recording the announcement names: one an interrupted upload left behind is not it.
        return announcement.AudioSha256 is { } hash
               && await store.GetAsync<AnnouncementAudio>(id, cancellationToken) is { } audio
               && string.Equals(Sha256Of(audio.Wav), hash, StringComparison.Ordinal)
            ? TypedResults.File(audio.Wav, WavContentTypes[0])
            : TypedResults.Problem($"The announcement '{id}' has no audio.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }

    private static async Task<Results<Ok<Announcement>, ValidationProblem, ProblemHttpResult>> UploadAudioAsync(
        string id, HttpContext http, IDocumentStore store)
    {
        var current = await store.GetAsync<Announcement>(id, http.RequestAborted);
        if (current is null)
        {
            return ApiProblems.NotFound(Resource.Noun, id);
        }
        var preconditions = WritePreconditions.Read(http.Request);
        if (preconditions.IfMatch is null || preconditions.IfMatchAny)
        {
            return ApiProblems.PreconditionRequired("Send If-Match with the ETag of the announcement read to upload its audio.");
        }
        // The audit entries show the announcement before and after, never the recording's bytes.
        Task Audit(AuditOutcome outcome, Announcement after) =>
            ApiAudit.AppendAsync(http, Resource.Kind, "audio", id, outcome, current, after);
        if (!preconditions.Matches(current.Version))
        {
            await Audit(AuditOutcome.Conflict, current);
            return ApiProblems.PreconditionFailed($"The announcement '{id}' is at version {current.Version}: read it again and decide again.");
        }
        if (!IsWav(http.Request.ContentType))
        {
            await Audit(AuditOutcome.Invalid, current);
            return TypedResults.Problem($"Send the WAV file as the body with Content-Type {string.Join(", ", WavContentTypes)}.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }
        if (await ReadBodyAsync(http.Request, http.RequestAborted) is not { } wav)
        {
            await Audit(AuditOutcome.Invalid, current);
            return TypedResults.Problem($"The recording must be at most {AnnouncementAudio.MaxWavLength} bytes (4 MiB).",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Content too large");
        }
        if (Decode(wav, out var duration) is { } invalid)
        {
            await Audit(AuditOutcome.Invalid, current);
            return ApiProblems.Invalid("audio", invalid);
        }

        var previous = await store.GetAsync<AnnouncementAudio>(id, http.RequestAborted);
        AnnouncementAudio written;
        try
        {
            written = previous is null
                ? await store.CreateAsync(new AnnouncementAudio { Id = id, Wav = wav }, http.RequestAborted)
                : await store.UpdateAsync(previous with { Wav = wav }, previous.Version, http.RequestAborted);
        }
        catch (Exception e) when (ApiProblems.IsConflict(e))
        {
            await Audit(AuditOutcome.Conflict, current);
            return ApiProblems.PreconditionFailed($"The announcement '{id}' was changed meanwhile: read it again and decide again.");
        }
        Announcement stored;
        try
        {
            // The version compared is the one If-Match named: a writer that got in between fails this write.
            stored = await store.UpdateAsync(current with { AudioSha256 = Sha256Of(wav), AudioDuration = duration }, current.Version,
                http.RequestAborted);
        }
        catch (Exception e)
        {
            // The stored recording must stay the one the announcement's hash names: put the previous one back.
            await RestoreAsync(store, previous, written);
            if (!ApiProblems.IsConflict(e))
            {
                throw;
            }
            await Audit(AuditOutcome.Conflict, current);
            return ApiProblems.PreconditionFailed($"The announcement '{id}' was changed meanwhile: read it again and decide again.");
        }
        await Audit(AuditOutcome.Succeeded, stored);
        http.Response.Headers.ETag = WritePreconditions.Tag(stored.Version);
        return TypedResults.Ok(stored);
    }

    private static bool IsWav(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && WavContentTypes.Contains(parsed.MediaType.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The body, or null when it is longer than <see cref="AnnouncementAudio.MaxWavLength"/> (read no further).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > AnnouncementAudio.MaxWavLength)
        {
            return null;
        }
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > AnnouncementAudio.MaxWavLength)
            {
                return null;
            }
            body.Write(buffer, 0, read);
        }
        return body.ToArray();
    }

    /// <summary>Why <paramref name="wav"/> cannot be played as an announcement, or null when it can, with its
    /// <paramref name="duration"/>.</summary>
    private static string? Decode(byte[] wav, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (wav.Length == 0)
        {
            return "is empty: send the WAV file as the body";
        }
        try
        {
            var samples = WavReader.ReadMono8k(new MemoryStream(wav, writable: false)).LongLength;
            duration = TimeSpan.FromTicks(samples * TimeSpan.TicksPerSecond / SampleRate);
            return samples == 0 ? "holds no samples" : null;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            return $"must be an 8 kHz mono WAV (16-bit PCM, μ-law or A-law): {(e is EndOfStreamException ? "the file is cut short" : e.Message)}";
        }
    }

    private static async Task RestoreAsync(IDocumentStore store, AnnouncementAudio? previous, AnnouncementAudio written)
    {
        if (previous is null)
        {
            await DeleteQuietlyAsync(store, written);
            return;
        }
        try
        {
            await store.UpdateAsync(previous, written.Version, CancellationToken.None);
        }
        catch (DocumentVersionConflictException)
        {
            // Another upload replaced the recording meanwhile; its own announcement write decides what stays.
        }
    }

    private static async Task DeleteQuietlyAsync(IDocumentStore store, AnnouncementAudio audio)
    {
        try
        {
            await store.DeleteAsync<AnnouncementAudio>(audio.Id, audio.Version, CancellationToken.None);
        }
        catch (DocumentVersionConflictException)
        {
            // An upload wrote a newer recording meanwhile; it takes it back itself when its announcement is gone.
        }
    }

    private static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
