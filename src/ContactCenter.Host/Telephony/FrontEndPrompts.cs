using System.Collections.Concurrent;
using ContactCenter.Media.Prompts;

namespace ContactCenter.Host.Telephony;

/// <summary>The prompt folders by language (<c>{directory}/{language}/{promptId}.wav</c>), each a
/// <see cref="PromptCache"/> that reads a file once.</summary>
internal sealed class FrontEndPrompts(string directory)
{
    /// <summary>The language of playbacks that name none.</summary>
    public const string DefaultLanguage = "en";

    private readonly ConcurrentDictionary<string, PromptCache> _languages = new(StringComparer.Ordinal);

    /// <summary>The prompts one after another as one buffer of 8 kHz samples.</summary>
    /// <exception cref="FileNotFoundException">A prompt has no file.</exception>
    /// <exception cref="ArgumentException">The language or a prompt id is not a plain name.</exception>
    public short[] Compose(IEnumerable<string> promptIds, string? language)
    {
        language ??= DefaultLanguage;
        if (language.Length == 0 || language.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || language.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{language}' is not a prompt language", nameof(language));
        }
        return _languages.GetOrAdd(language, l => new PromptCache(Path.Combine(directory, l))).Compose(promptIds);
    }
}
