using ContactCenter.Storage.Documents;

namespace ContactCenter.Host.Demo;

/// <summary>The single-node demo's configuration: at start-up, the documents of <c>samples/</c> (copied next to the
/// host; queues, agent profiles, pause codes, categories, the no-answer policy, site settings and IVR trees) go into the
/// in-memory document store, so <c>dotnet run</c> starts a contact center the demo users can work in. Only the
/// in-memory mode runs it: a PostgreSQL site is configured by its admins.</summary>
internal sealed partial class DemoConfigurationHostedService(IDocumentStore store, ILogger<DemoConfigurationHostedService> logger)
    : IHostedService
{
    /// <summary>Where the samples are: the <c>samples</c> folder the build copies next to the host.</summary>
    public static string SamplesDirectory => Path.Combine(AppContext.BaseDirectory, "samples");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(SamplesDirectory))
        {
            LogNoSamples(logger, SamplesDirectory);
            return;
        }
        var report = await SampleConfiguration.LoadAsync(store, SamplesDirectory, cancellationToken);
        LogLoaded(logger, report.Created, report.Kept, SamplesDirectory);
        foreach (var error in report.Errors)
        {
            LogSampleError(logger, error);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(140, LogLevel.Information, "Demo configuration: {Created} documents loaded from {Directory} ({Kept} already present)")]
    private static partial void LogLoaded(ILogger logger, int created, int kept, string directory);

    [LoggerMessage(141, LogLevel.Warning, "Demo configuration: {Error}")]
    private static partial void LogSampleError(ILogger logger, string error);

    [LoggerMessage(142, LogLevel.Warning, "Demo configuration: no samples at {Directory}; the demo starts without queues or agent profiles")]
    private static partial void LogNoSamples(ILogger logger, string directory);
}
