using System.Collections.Concurrent;
using ContactCenter.Media.Prompts;

namespace ContactCenter.Host.Telephony;

/// <summary>The prompts the front end plays, each folder a <see cref="PromptCache"/> that reads a file once: recorded
/// prompts by language (<c>{directory}/{language}/{promptId}.wav</c>); speech prompts (<c>tts-…</c>) from the generated
/// folder (<c>{generatedDirectory}/{language}/{promptId}.wav</c>); announcements
/// (<c>announcement-{id}-{hash}</c>, any language) from <c>{generatedDirectory}/_announcements</c>. The sip role's
/// <see cref="Ivr.IvrPromptsHostedService"/> writes the generated folder ahead of calls, so playing never waits on
/// text-to-speech or the document store; a prompt id names its content (a hash), so a cached prompt is never stale.</summary>
internal sealed class FrontEndPrompts(string directory, string generatedDirectory)
{
    /// <summary>The language of playbacks that name none.</summary>
    public const string DefaultLanguage = "en";

    /// <summary>The prefix of announcement prompt ids.</summary>
    public const string AnnouncementPrefix = "announcement-";

    /// <summary>The folder of announcement recordings in the generated folder; no language tag has an underscore.</summary>
    public const string AnnouncementFolder = "_announcements";

    /// <summary>The prefix of speech prompt ids (<see cref="Contracts.Ivr.IvrPrompt.SpeechPromptId"/>).</summary>
    public const string SpeechPrefix = "tts-";

    private readonly ConcurrentDictionary<string, PromptCache> _languages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PromptCache> _speech = new(StringComparer.Ordinal);
    private readonly PromptCache _announcements = new(Path.Combine(generatedDirectory, AnnouncementFolder));

    /// <summary>The prompt id of the recording of announcement <paramref name="announcementId"/> whose WAV has the
    /// SHA-256 <paramref name="audioSha256"/> (hex): a new upload is a new prompt id, so no cache serves the old one.</summary>
    public static string AnnouncementPromptId(string announcementId, string audioSha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(announcementId);
        ArgumentOutOfRangeException.ThrowIfLessThan(audioSha256?.Length ?? 0, 12, nameof(audioSha256));
        return AnnouncementPrefix + announcementId + "-" + audioSha256![..12].ToLowerInvariant();
    }

    /// <summary>The prompts one after another as one buffer of 8 kHz samples.</summary>
    /// <exception cref="FileNotFoundException">A prompt has no file.</exception>
    /// <exception cref="ArgumentException">The language or a prompt id is not a plain name.</exception>
    public short[] Compose(IEnumerable<string> promptIds, string? language)
    {
        ArgumentNullException.ThrowIfNull(promptIds);
        language ??= DefaultLanguage;
        if (language.Length == 0 || language.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || language.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{language}' is not a prompt language", nameof(language));
        }
        var parts = promptIds.Select(id => Get(id, language)).ToList();
        var result = new short[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.Span.CopyTo(result.AsSpan(offset));
            offset += part.Length;
        }
        return result;
    }

    private ReadOnlyMemory<short> Get(string promptId, string language)
    {
        if (promptId.StartsWith(AnnouncementPrefix, StringComparison.Ordinal))
        {
            return _announcements.Get(promptId);
        }
        var (caches, root) = promptId.StartsWith(SpeechPrefix, StringComparison.Ordinal) ? (_speech, generatedDirectory) : (_languages, directory);
        return caches.GetOrAdd(language, l => new PromptCache(Path.Combine(root, l))).Get(promptId);
    }
}
