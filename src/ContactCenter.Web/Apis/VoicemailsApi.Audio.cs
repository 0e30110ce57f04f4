using ContactCenter.Contracts.Voicemails;
using ContactCenter.Storage.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Apis;

public static partial class VoicemailsApi
{
    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetAudioAsync(
        string id, IDocumentStore store, IOptions<VoicemailOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var voicemail = await store.GetAsync<Voicemail>(id, cancellationToken);
        if (voicemail is null)
        {
            return ApiProblems.NotFound(Resource.Noun, id);
        }
        // Only files inside the voicemail directory are served: the path is the front end's report, not a client's,
        // but the API must not become a way to read any file the process can.
        if (!options.Value.Contains(voicemail.Path, out var path))
        {
            if (!string.IsNullOrWhiteSpace(voicemail.Path))
            {
                LogOutsideDirectory(Logger(loggers), id);
            }
            return NoAudio(id);
        }
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return NoAudio(id);
        }
        return TypedResults.Stream(file, AnnouncementsApi.WavContentTypes[0], enableRangeProcessing: true);
    }

    private static ProblemHttpResult NoAudio(string id) =>
        TypedResults.Problem($"The recording of voicemail '{id}' is gone.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>Deletes the voicemail document, then its recording when that lies in the voicemail directory: the
    /// message is gone for its readers even if the file cannot be removed (that is logged).</summary>
    private static async Task<bool> DeleteAsync(IServiceProvider services, string id, long version, CancellationToken cancel)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var voicemail = await store.GetAsync<Voicemail>(id, cancel);
        if (!await store.DeleteAsync<Voicemail>(id, version, cancel))
        {
            return false;
        }
        if (voicemail is not null && services.GetRequiredService<IOptions<VoicemailOptions>>().Value.Contains(voicemail.Path, out var path))
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogFileNotDeleted(Logger(services.GetRequiredService<ILoggerFactory>()), id, e.GetType().Name);
            }
        }
        return true;
    }

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(VoicemailsApi).FullName!);

    [LoggerMessage(5103, LogLevel.Warning, "Voicemail {VoicemailId} names a recording outside the voicemail directory; it is not served")]
    private static partial void LogOutsideDirectory(ILogger logger, string voicemailId);

    [LoggerMessage(5104, LogLevel.Warning, "The recording of deleted voicemail {VoicemailId} could not be removed ({Error})")]
    private static partial void LogFileNotDeleted(ILogger logger, string voicemailId, string error);
}
