using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Host.Telephony;
using ContactCenter.Media.Prompts;
using ContactCenter.Storage.Documents;

namespace ContactCenter.Host.Ivr;

/// <summary>Keeps the sip role's generated prompts (<see cref="SipFrontEndOptions.GeneratedPromptDirectory"/>) in step
/// with the configuration, so calls play them without waiting: the speech of every text prompt of every IVR tree
/// (espeak-ng and sox through <see cref="PromptGenerator"/>, which skips texts already generated) and the recording of
/// every announcement with audio, written under its <see cref="FrontEndPrompts.AnnouncementPromptId"/>. Runs at start
/// and after each write of a tree or an announcement, never per call; writes coalesce into one pass at a time. Missing
/// tools are logged once and the rest carries on: the front end reports a prompt it cannot find as played.</summary>
internal sealed partial class IvrPromptsHostedService(
    IDocumentStore store, SipFrontEndOptions options, ILogger<IvrPromptsHostedService> logger) : IHostedService, IDisposable
{
    private readonly Channel<bool> _passes = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private Task _worker = Task.CompletedTask;
    private int _passesDone;

    /// <summary>Passes finished so far (tests wait on it).</summary>
    public int PassesDone => Volatile.Read(ref _passesDone);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        store.Changed += OnDocumentChanged;
        _passes.Writer.TryWrite(true);
        _worker = RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        store.Changed -= OnDocumentChanged;
        _passes.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _worker.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>One pass: generates the trees' missing speech prompts and writes the announcements' missing
    /// recordings.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var byLanguage = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        await foreach (var tree in store.ReadAllAsync<IvrTree>(cancellationToken))
        {
            if (!byLanguage.TryGetValue(tree.Language, out var texts))
            {
                byLanguage[tree.Language] = texts = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            IvrSpeechTexts.Collect(tree, texts);
        }
        foreach (var (language, texts) in byLanguage.Where(l => l.Value.Count > 0))
        {
            await GenerateAsync(language, texts, cancellationToken);
        }
        await foreach (var announcement in store.ReadAllAsync<Announcement>(cancellationToken))
        {
            if (announcement.AudioSha256 is { } hash)
            {
                await WriteAnnouncementAsync(announcement.Id, hash, cancellationToken);
            }
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in _passes.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    await PrepareAsync(cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogPassFailed(exception.GetType().Name, exception.Message);
                }
                Interlocked.Increment(ref _passesDone);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void OnDocumentChanged(object? sender, DocumentChange change)
    {
        if (change.Type != DocumentChangeType.Deleted
            && change.Kind is DocumentKind.IvrTree or DocumentKind.Announcement or DocumentKind.AnnouncementAudio)
        {
            _passes.Writer.TryWrite(true);
        }
    }

    private async Task GenerateAsync(string language, Dictionary<string, string> texts, CancellationToken cancellationToken)
    {
        var generator = new PromptGenerator(new PromptGeneratorOptions
        {
            EspeakPath = options.Speech.EspeakPath,
            SoxPath = options.Speech.SoxPath,
            ToolTimeout = options.Speech.ToolTimeout,
            // espeak-ng names its voices by lower-case language tag (en-gb).
            Voice = language.ToLowerInvariant(),
        });
        try
        {
            var generated = await generator.GenerateAsync(Path.Combine(options.GeneratedPromptDirectory, language), texts, cancellationToken);
            if (generated.Count > 0)
            {
                LogSpeechGenerated(generated.Count, language);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // A missing tool fails every pass the same way: say it once.
            if (_warned.TryAdd(exception.Message, true))
            {
                LogSpeechFailed(language, exception.Message);
            }
        }
    }

    /// <summary>Writes the recording under its prompt id unless it is there; a file is written whole (renamed into
    /// place), as another front end on this machine may share the folder.</summary>
    private async Task WriteAnnouncementAsync(string announcementId, string hash, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(options.GeneratedPromptDirectory, FrontEndPrompts.AnnouncementFolder);
        var path = Path.Combine(directory, FrontEndPrompts.AnnouncementPromptId(announcementId, hash) + ".wav");
        if (File.Exists(path))
        {
            return;
        }
        var audio = await store.GetAsync<AnnouncementAudio>(announcementId, cancellationToken);
        if (audio is null || !Convert.ToHexStringLower(SHA256.HashData(audio.Wav)).Equals(hash, StringComparison.OrdinalIgnoreCase))
        {
            // Replaced or deleted since the announcement was read: the write that did it brings another pass.
            return;
        }
        Directory.CreateDirectory(directory);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, audio.Wav, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        LogAnnouncementWritten(announcementId, path);
    }

    [LoggerMessage(205, LogLevel.Information, "IVR: generated {Count} speech prompts in {Language}")]
    private partial void LogSpeechGenerated(int count, string language);

    [LoggerMessage(206, LogLevel.Warning, "IVR: speech prompts in {Language} cannot be generated; calls skip them: {Error}")]
    private partial void LogSpeechFailed(string language, string error);

    [LoggerMessage(207, LogLevel.Information, "IVR: the recording of announcement {AnnouncementId} is ready at {Path}")]
    private partial void LogAnnouncementWritten(string announcementId, string path);

    [LoggerMessage(208, LogLevel.Warning, "IVR: preparing the generated prompts failed ({Type}): {Error}")]
    private partial void LogPassFailed(string type, string error);
}
