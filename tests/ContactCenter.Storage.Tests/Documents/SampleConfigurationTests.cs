using System.Text.RegularExpressions;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Storage.Documents;

namespace ContactCenter.Storage.Tests.Documents;

/// <summary>The demo configuration in <c>samples/</c> loads clean; loading again keeps what the store holds; a broken
/// file or document is reported with where it is, and the rest still loads.</summary>
public sealed class SampleConfigurationTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("cc-samples-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Samples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContactCenter.sln")))
            {
                return Path.Combine(dir.FullName, "samples");
            }
        }
        throw new DirectoryNotFoundException("the repository root (ContactCenter.sln) is not above the test's directory");
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task The_shipped_samples_load_without_errors_and_keep_their_defaults()
    {
        var store = new InMemoryDocumentStore();

        var report = await SampleConfiguration.LoadAsync(store, Samples(), Cancel);

        Assert.Empty(report.Errors);
        Assert.True(report.Created > 10, $"created {report.Created}");
        var agent = await store.GetAsync<AgentProfile>("agent1", Cancel);
        Assert.Equal(["sales", "support"], agent!.Queues.Select(q => q.QueueId));
        Assert.NotNull(await store.GetAsync<IvrTree>("demo", Cancel));
        Assert.Equal(3, (await store.GetAsync<TransferGroup>("departments", Cancel))!.Lines.Length);
        Assert.Equal(["127.0.0.1", "::1"], (await store.GetAsync<Trunk>("loopback", Cancel))!.AllowedSources);
        Assert.Equal(("demo", InboundNumberTargetKind.IvrTree), await TargetAsync(store, "100"));
        Assert.Equal(("sales", InboundNumberTargetKind.Queue), await TargetAsync(store, "200"));
        Assert.Equal(("support", InboundNumberTargetKind.Queue), await TargetAsync(store, "201"));
        Assert.Equal(("agent1", 64), (agent.SipUsername, agent.SipPasswordSha256Ha1?.Length));
        Assert.Equal("Europe/Warsaw", (await store.GetAsync<SiteSettings>(SiteSettings.SiteId, Cancel))!.TimeZoneId);
        // A member the file leaves out keeps the record's default rather than a zero.
        Assert.Equal(SelectionStrategy.LongestIdle, (await store.GetAsync<Queue>("support", Cancel))!.Strategy);
        Assert.Equal(PauseKind.Private, (await store.GetAsync<PauseCode>("lunch", Cancel))!.Kind);
        var sales = (await store.GetAsync<Queue>("sales", Cancel))!;
        Assert.Equal([("1", "queue-callback"), ("2", "queue-voicemail")], sales.Treatment.Options.Select(o => (o.Digit, o.IvrTreeId)));
        foreach (var option in sales.Treatment.Options)
        {
            Assert.NotNull(await store.GetAsync<IvrTree>(option.IvrTreeId, Cancel));
        }
    }

    [Fact]
    public async Task Every_prompt_the_samples_name_ships_as_a_demo_prompt()
    {
        var store = new InMemoryDocumentStore();
        await SampleConfiguration.LoadAsync(store, Samples(), Cancel);
        var named = new List<string>();
        foreach (var queueId in new[] { "sales", "support" })
        {
            var treatment = (await store.GetAsync<Queue>(queueId, Cancel))!.Treatment;
            named.AddRange([treatment.MusicPromptId, .. treatment.OptionsPromptId is { } options ? [options] : Array.Empty<string>()]);
        }
        foreach (var file in Directory.GetFiles(Path.Combine(Samples(), "ivr"), "*.json"))
        {
            var tree = (await store.GetAsync<IvrTree>(Path.GetFileNameWithoutExtension(file), Cancel))!;
            named.AddRange(Regex.Matches(await File.ReadAllTextAsync(file, Cancel), "\"promptId\":\\s*\"([^\"]+)\"")
                .Select(m => m.Groups[1].Value));
            Assert.NotNull(tree);
        }

        var missing = named.Distinct().Where(id => !File.Exists(Path.Combine(Samples(), "prompts", "en", id + ".wav")));

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Loading_again_keeps_what_the_store_holds()
    {
        var store = new InMemoryDocumentStore();
        var first = await SampleConfiguration.LoadAsync(store, Samples(), Cancel);
        var sales = (await store.GetAsync<Queue>("sales", Cancel))!;
        await store.UpdateAsync(sales with { Name = "Sales (edited)" }, sales.Version, Cancel);

        var second = await SampleConfiguration.LoadAsync(store, Samples(), Cancel);

        Assert.Equal((0, first.Created), (second.Created, second.Kept));
        Assert.Equal("Sales (edited)", (await store.GetAsync<Queue>("sales", Cancel))!.Name);
    }

    [Fact]
    public async Task A_broken_file_and_an_invalid_document_are_reported_by_place_and_the_rest_loads()
    {
        var config = Directory.CreateDirectory(Path.Combine(_scratch, "config")).FullName;
        await File.WriteAllTextAsync(Path.Combine(config, "skills.json"), "[ { \"id\": \"english\", \"name\": \"English\" }, ", Cancel);
        await File.WriteAllTextAsync(Path.Combine(config, "queues.json"),
            """[ { "id": "sales", "name": "Sales" }, { "id": "", "name": "No id" }, { "id": "support", "name": "Support" } ]""", Cancel);
        var store = new InMemoryDocumentStore();

        var report = await SampleConfiguration.LoadAsync(store, _scratch, Cancel);

        Assert.Equal(2, report.Created);
        Assert.Collection(report.Errors,
            e => Assert.StartsWith(Path.Combine(config, "skills.json") + ":", e, StringComparison.Ordinal),
            e => Assert.StartsWith(Path.Combine(config, "queues.json") + " [1]:", e, StringComparison.Ordinal));
        Assert.NotNull(await store.GetAsync<Queue>("support", Cancel));
    }

    private static async Task<(string, InboundNumberTargetKind)> TargetAsync(IDocumentStore store, string number) =>
        await store.GetAsync<InboundNumber>(number, Cancel) is { } found
            ? (found.TargetId, found.Target)
            : throw new InvalidOperationException($"the sample number {number} did not load");
}
