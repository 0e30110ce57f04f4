using System.Buffers.Binary;
using ContactCenter.Media.Prompts;
using ContactCenter.Media.Recording;

namespace ContactCenter.Media.Tests.Prompts;

public sealed class PromptCacheTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cc-media-tests", Guid.NewGuid().ToString("N"));

    public PromptCacheTests()
    {
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    internal static void WritePrompt(string path, short value, int samples)
    {
        var bytes = new byte[WavHeader.CanonicalLength + (samples * 2)];
        WavHeader.Write(bytes, WavFormat.PcmMono8k, (uint)(samples * 2));
        for (var i = 0; i < samples; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(WavHeader.CanonicalLength + (i * 2)), value);
        }
        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public void Loads_once_and_serves_from_memory()
    {
        WritePrompt(Path.Combine(_directory, "welcome.wav"), 7, 800);
        var cache = new PromptCache(_directory);
        var first = cache.Get("welcome");
        File.Delete(Path.Combine(_directory, "welcome.wav"));
        var second = cache.Get("welcome");
        Assert.Equal(800, second.Length);
        Assert.True(first.Span == second.Span);
    }

    [Fact]
    public void Composes_numbers_from_digit_prompts()
    {
        for (var d = 0; d < 10; d++)
        {
            WritePrompt(Path.Combine(_directory, $"digit-{d}.wav"), (short)(100 + d), 10 + d);
        }
        WritePrompt(Path.Combine(_directory, "you-are-number.wav"), 1, 5);
        WritePrompt(Path.Combine(_directory, "in-the-queue.wav"), 2, 6);
        var cache = new PromptCache(_directory);

        var announcement = cache.ComposeNumber(12, "you-are-number", "in-the-queue");

        Assert.Equal(5 + 11 + 12 + 6, announcement.Length);
        Assert.Equal(1, announcement[0]);
        Assert.Equal(101, announcement[5]);
        Assert.Equal(102, announcement[16]);
        Assert.Equal(2, announcement[^1]);
    }

    [Fact]
    public void Missing_and_invalid_names_fail_clearly_and_are_not_cached()
    {
        var cache = new PromptCache(_directory);
        Assert.Throws<FileNotFoundException>(() => cache.Get("later"));
        WritePrompt(Path.Combine(_directory, "later.wav"), 3, 4);
        Assert.Equal(4, cache.Get("later").Length);
        Assert.Throws<ArgumentException>(() => cache.Get("../etc/passwd"));
    }
}
