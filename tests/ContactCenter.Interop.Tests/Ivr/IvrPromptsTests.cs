using System.Security.Cryptography;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Host.Ivr;
using ContactCenter.Host.Telephony;
using ContactCenter.Interop.Tests.Baresip;
using ContactCenter.Interop.Tests.Peers;
using ContactCenter.Storage.Documents;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Interop.Tests.Ivr;

/// <summary>The sip role's generated prompts: the IVR trees' text prompts spoken by espeak-ng and sox and the
/// announcements' recordings, found by the front end's prompt lookup under the ids the call grain plays.</summary>
public sealed class IvrPromptsTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cc-ivr-prompts-tests", Guid.NewGuid().ToString("N"));
    private readonly InMemoryDocumentStore _store = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Generated => Path.Combine(_directory, "generated");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_trees_text_prompts_are_spoken_at_start_and_after_a_change()
    {
        var (espeak, sox) = (PeerTools.Espeak(), PeerTools.Sox());
        await _store.CreateAsync(Tree("Welcome to the test line."), Cancel);
        var service = Service(espeak, sox);
        var prompts = new FrontEndPrompts(Path.Combine(_directory, "recorded"), Generated);

        await service.StartAsync(Cancel);
        try
        {
            await WaitForPassesAsync(service, 1, "first pass");
            Assert.NotEmpty(prompts.Compose([IvrPrompt.SpeechPromptId("en", "Welcome to the test line.")], "en"));

            var tree = (await _store.GetAsync<IvrTree>("speech", Cancel))!;
            await _store.UpdateAsync(Tree("Our opening hours have changed."), tree.Version, Cancel);
            await Conditions.WaitAsync(() => Plays(prompts, IvrPrompt.SpeechPromptId("en", "Our opening hours have changed.")), Timeout,
                "the changed tree's prompt is generated", () => $"passes: {service.PassesDone}", Cancel);
        }
        finally
        {
            await service.StopAsync(Cancel);
        }
    }

    [Fact]
    public async Task An_announcements_recording_is_ready_under_its_prompt_id_even_without_speech_tools()
    {
        var wavPath = Path.Combine(_directory, "outage.wav");
        Directory.CreateDirectory(_directory);
        WavFile.WriteTone(wavPath, TimeSpan.FromSeconds(1));
        var wav = await File.ReadAllBytesAsync(wavPath, Cancel);
        var hash = Convert.ToHexStringLower(SHA256.HashData(wav));
        await _store.CreateAsync(Tree("This text has no speech tools."), Cancel);
        await _store.CreateAsync(new AnnouncementAudio { Id = "outage", Wav = wav }, Cancel);
        await _store.CreateAsync(new Announcement
        {
            Id = "outage", Name = "Outage", Active = true, AudioSha256 = hash, AudioDuration = TimeSpan.FromSeconds(1),
        }, Cancel);
        var service = Service(espeak: Path.Combine(_directory, "no-espeak-ng"));
        var prompts = new FrontEndPrompts(Path.Combine(_directory, "recorded"), Generated);

        await service.PrepareAsync(Cancel);
        await service.PrepareAsync(Cancel);

        Assert.Equal(8000, prompts.Compose([FrontEndPrompts.AnnouncementPromptId("outage", hash)], "pl").Length);
        Assert.Throws<FileNotFoundException>(() => prompts.Compose([IvrPrompt.SpeechPromptId("en", "This text has no speech tools.")], "en"));
    }

    private IvrPromptsHostedService Service(string espeak, string sox = "sox")
    {
        var options = new SipFrontEndOptions { GeneratedPromptDirectory = Generated };
        (options.Speech.EspeakPath, options.Speech.SoxPath) = (espeak, sox);
        return new IvrPromptsHostedService(_store, options, NullLogger<IvrPromptsHostedService>.Instance);
    }

    private static bool Plays(FrontEndPrompts prompts, string promptId)
    {
        try
        {
            return prompts.Compose([promptId], "en").Length > 0;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    private static Task WaitForPassesAsync(IvrPromptsHostedService service, int passes, string phase) =>
        Conditions.WaitAsync(() => service.PassesDone >= passes, Timeout, phase, () => $"passes: {service.PassesDone}", Cancel);

    private static IvrTree Tree(string text) => new()
    {
        Id = "speech",
        Name = "Speech",
        StartNodeId = "welcome",
        Nodes =
        [
            new IvrPlayNode { Id = "welcome", Prompt = new IvrPrompt { Text = text }, Next = "bye" },
            new IvrHangupNode { Id = "bye", Prompt = new IvrPrompt { PromptId = "goodbye" } },
        ],
    };
}
