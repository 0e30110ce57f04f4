using System.Text.Json;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;

namespace ContactCenter.Grains.Tests.Configuration;

/// <summary>The IVR trees shipped in <c>samples/ivr/</c> load through <see cref="IvrJsonContext"/>, validate clean and
/// only name prompts that exist in <c>samples/prompts/&lt;language&gt;/</c>.</summary>
public sealed class IvrSampleTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContactCenter.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no ContactCenter.sln above {AppContext.BaseDirectory}");
    }

    public static TheoryData<string> Samples =>
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot(), "samples", "ivr"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_demo_tree_is_among_the_samples() => Assert.Contains("demo.json", Samples.Select(s => s.Data));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_tree_is_valid_and_its_prompts_exist(string file)
    {
        var root = RepositoryRoot();
        var json = File.ReadAllText(Path.Combine(root, "samples", "ivr", file));

        var tree = JsonSerializer.Deserialize(json, IvrJsonContext.Default.IvrTree);

        Assert.NotNull(tree);
        var errors = DocumentValidator.Validate(tree);
        Assert.True(errors.IsValid, $"{file}: {errors}");
        using var document = JsonDocument.Parse(json);
        foreach (var promptId in PromptIds(document.RootElement))
        {
            var wav = Path.Combine(root, "samples", "prompts", tree.Language, promptId + ".wav");
            Assert.True(File.Exists(wav), $"{file} names prompt {promptId}, but {wav} does not exist");
        }
    }

    private static IEnumerable<string> PromptIds(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == "promptId" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : PromptIds(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PromptIds),
        _ => [],
    };
}
