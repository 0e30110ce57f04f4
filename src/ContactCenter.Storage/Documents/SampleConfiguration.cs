using System.Text.Json;
using System.Text.Json.Serialization;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;

namespace ContactCenter.Storage.Documents;

/// <summary>Configuration shipped as JSON files (the demo's <c>samples/</c>): <c>config/skills.json</c>,
/// <c>queues.json</c>, <c>agent-profiles.json</c>, <c>pause-codes.json</c>, <c>categories.json</c>,
/// <c>no-answer-policies.json</c>, <c>transfer-groups.json</c>, <c>trunks.json</c> and <c>numbers.json</c> each hold an array of documents of their kind, <c>config/site-settings.json</c> the
/// site settings, and <c>ivr/*.json</c> one IVR tree each. Loading creates every document the store does not hold yet
/// and keeps the ones it holds (an operator's edits win over the samples). A file that does not parse, or a document
/// that does not validate, is reported with its file and position; the others still load.</summary>
public static class SampleConfiguration
{
    // Hand-written files leave members out: reflection-based reading applies the records' initialisers to them, where
    // the stores' source-generated metadata would give zeros (dotnet/runtime#84484).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads the samples under <paramref name="root"/> into <paramref name="store"/>.</summary>
    public static async Task<SampleLoadReport> LoadAsync(IDocumentStore store, string root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var report = new SampleLoadReport();
        var config = Path.Combine(root, "config");
        await LoadArrayAsync<Skill>(store, Path.Combine(config, "skills.json"), report, cancellationToken);
        await LoadArrayAsync<Queue>(store, Path.Combine(config, "queues.json"), report, cancellationToken);
        await LoadArrayAsync<PauseCode>(store, Path.Combine(config, "pause-codes.json"), report, cancellationToken);
        await LoadArrayAsync<CallCategory>(store, Path.Combine(config, "categories.json"), report, cancellationToken);
        await LoadArrayAsync<NoAnswerPolicy>(store, Path.Combine(config, "no-answer-policies.json"), report, cancellationToken);
        await LoadArrayAsync<AgentProfile>(store, Path.Combine(config, "agent-profiles.json"), report, cancellationToken);
        await LoadArrayAsync<TransferGroup>(store, Path.Combine(config, "transfer-groups.json"), report, cancellationToken);
        await LoadArrayAsync<Trunk>(store, Path.Combine(config, "trunks.json"), report, cancellationToken);
        await LoadArrayAsync<InboundNumber>(store, Path.Combine(config, "numbers.json"), report, cancellationToken);
        var site = Path.Combine(config, "site-settings.json");
        if (File.Exists(site) && Read(site, text => JsonSerializer.Deserialize<SiteSettings>(text, Json), report) is { } settings)
        {
            await CreateAsync(store, settings, site, report, cancellationToken);
        }
        var ivr = Path.Combine(root, "ivr");
        foreach (var file in Directory.Exists(ivr) ? Directory.GetFiles(ivr, "*.json").Order(StringComparer.Ordinal).ToArray() : [])
        {
            // IVR trees are written whole, in the shape their own metadata reads (nodes told apart by "kind").
            if (Read(file, text => JsonSerializer.Deserialize(text, IvrJsonContext.Default.IvrTree), report) is { } tree)
            {
                await CreateAsync(store, tree, file, report, cancellationToken);
            }
        }
        return report;
    }

    private static async Task LoadArrayAsync<T>(IDocumentStore store, string file, SampleLoadReport report, CancellationToken cancellationToken)
        where T : class
    {
        if (!File.Exists(file) || Read(file, text => JsonSerializer.Deserialize<List<T?>>(text, Json), report) is not { } documents)
        {
            return;
        }
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i] is { } document)
            {
                await CreateAsync(store, document, $"{file} [{i}]", report, cancellationToken);
            }
            else
            {
                report.Errors.Add($"{file} [{i}]: null is not a document");
            }
        }
    }

    private static T? Read<T>(string file, Func<string, T?> parse, SampleLoadReport report)
        where T : class
    {
        try
        {
            return parse(File.ReadAllText(file)) ?? throw new JsonException("the file holds null");
        }
        catch (Exception exception) when (exception is JsonException or IOException or NotSupportedException)
        {
            report.Errors.Add($"{file}: {exception.Message}");
            return null;
        }
    }

    private static async Task CreateAsync<T>(IDocumentStore store, T document, string where, SampleLoadReport report,
        CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await store.CreateAsync(document, cancellationToken);
            report.Created++;
        }
        catch (DocumentVersionConflictException)
        {
            report.Kept++;
        }
        catch (InvalidDocumentException exception)
        {
            report.Errors.Add($"{where}: {exception.Errors}");
        }
    }
}
