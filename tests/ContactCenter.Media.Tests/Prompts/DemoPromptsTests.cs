using ContactCenter.Media.Prompts;
using ContactCenter.Media.Recording;

namespace ContactCenter.Media.Tests.Prompts;

/// <summary>The demo prompts committed in <c>samples/prompts</c> (made by <c>ops/prompts/make-demo-prompts.sh</c>) load
/// through the same code the engine plays them with.</summary>
public sealed class DemoPromptsTests
{
    private static readonly string[] RequiredNames =
    [
        "digit-0", "digit-1", "digit-2", "digit-3", "digit-4", "digit-5", "digit-6", "digit-7", "digit-8", "digit-9",
        "you-are-number", "in-the-queue", "your-wait-time-is", "minutes", "seconds",
        "welcome", "main-menu", "out-of-hours", "please-hold", "all-agents-busy", "callback-offer", "wait-options", "callback-confirm", "preferred-time", "leave-message",
        "goodbye", "invalid-choice", "music-on-hold",
    ];

    [Fact]
    public void Every_demo_prompt_is_an_8_kHz_mono_wav_with_audio()
    {
        var files = Directory.GetFiles(PromptsDirectory(), "*.wav", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            using (var stream = File.OpenRead(file))
            {
                var format = WavHeader.Read(stream).Format;
                Assert.True(format.SampleRate == 8000 && format.Channels == 1, $"{file}: {format.SampleRate} Hz, {format.Channels} channels");
            }
            var cache = new PromptCache(Path.GetDirectoryName(file)!);
            var samples = cache.Get(Path.GetFileNameWithoutExtension(file));
            Assert.True(samples.Length >= 1600, $"{file}: {samples.Length} samples, expected at least 200 ms of audio");
            Assert.True(HasSignal(samples.Span), $"{file} is silent");
        }
    }

    [Fact]
    public void The_english_set_has_every_prompt_the_demo_ivr_and_announcements_use()
    {
        var cache = new PromptCache(Path.Combine(PromptsDirectory(), "en"));
        foreach (var name in RequiredNames)
        {
            Assert.False(cache.Get(name).IsEmpty, name);
        }
        var position = cache.ComposeNumber(12, "you-are-number", "in-the-queue");
        Assert.Equal(
            cache.Get("you-are-number").Length + cache.Get("digit-1").Length + cache.Get("digit-2").Length + cache.Get("in-the-queue").Length,
            position.Length);
    }

    private static bool HasSignal(ReadOnlySpan<short> samples)
    {
        foreach (var sample in samples)
        {
            if (Math.Abs((int)sample) > 1000)
            {
                return true;
            }
        }
        return false;
    }

    private static string PromptsDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContactCenter.sln")))
            {
                return Path.Combine(directory.FullName, "samples", "prompts");
            }
        }
        throw new InvalidOperationException($"No ContactCenter.sln above {AppContext.BaseDirectory}: cannot find samples/prompts.");
    }
}
