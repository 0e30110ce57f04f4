using ContactCenter.Media.Prompts;
using ContactCenter.Media.Recording;

namespace ContactCenter.Media.Tests.Prompts;

public sealed class PromptGeneratorTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cc-media-tests", Guid.NewGuid().ToString("N"));

    public PromptGeneratorTests()
    {
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Missing_espeak_fails_with_the_package_to_install()
    {
        var generator = new PromptGenerator(new PromptGeneratorOptions { EspeakPath = Path.Combine(_directory, "no-espeak") });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            generator.GenerateAsync(Path.Combine(_directory, "out"), new Dictionary<string, string> { ["hello"] = "Hello" }, TestContext.Current.CancellationToken));
        Assert.Contains("apt-get install espeak-ng", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generates_once_per_text_through_espeak_then_sox()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("The stand-in tools are shell scripts.");
        }
        // Stand-ins for the two tools that log their runs: espeak-ng "-v en -w RAW TEXT" writes RAW from a template,
        // sox "RAW ... OUT" copies RAW to its tenth argument.
        var template = Path.Combine(_directory, "template.wav");
        PromptCacheTests.WritePrompt(template, 9, 1600);
        var log = Path.Combine(_directory, "runs.log");
        var espeak = Script("espeak.sh", $"echo espeak >> '{log}'\ncp '{template}' \"$4\"\n");
        var sox = Script("sox.sh", $"echo sox >> '{log}'\ncp \"$1\" \"${{10}}\"\n");
        var generator = new PromptGenerator(new PromptGeneratorOptions { EspeakPath = espeak, SoxPath = sox });
        var output = Path.Combine(_directory, "prompts");
        var texts = new Dictionary<string, string> { ["welcome"] = "Welcome", ["bye"] = "Goodbye" };

        Assert.Equal(["welcome", "bye"], await generator.GenerateAsync(output, texts, TestContext.Current.CancellationToken));
        Assert.Empty(await generator.GenerateAsync(output, texts, TestContext.Current.CancellationToken));
        texts["bye"] = "Good bye";
        Assert.Equal(["bye"], await generator.GenerateAsync(output, texts, TestContext.Current.CancellationToken));

        Assert.Equal(1600, WavReader.ReadMono8k(Path.Combine(output, "welcome.wav")).Length);
        Assert.Equal(6, File.ReadAllLines(log).Length);
        Assert.False(File.Exists(Path.Combine(output, "bye.espeak.wav")));
    }

    [Fact]
    public async Task A_failing_tool_reports_its_error_output()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("The stand-in tools are shell scripts.");
        }
        var espeak = Script("espeak.sh", "echo 'voice xx not found' >&2\nexit 3\n");
        var generator = new PromptGenerator(new PromptGeneratorOptions { EspeakPath = espeak });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            generator.GenerateAsync(_directory, new Dictionary<string, string> { ["x"] = "x" }, TestContext.Current.CancellationToken));
        Assert.Contains("exit code 3: voice xx not found", error.Message, StringComparison.Ordinal);
    }

    private string Script(string name, string body)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Shell-script stand-ins need a Unix system.");
        }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
