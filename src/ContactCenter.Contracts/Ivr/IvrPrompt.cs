using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Contracts.Ivr;

/// <summary>Something played to the caller: exactly one of a recorded prompt or text to speak (IVR-2).</summary>
public sealed record IvrPrompt
{
    /// <summary>Id of a recorded prompt: the file name without <c>.wav</c> in the tree language's prompt folder
    /// (e.g. <c>welcome</c>); null when <see cref="Text"/> is set.</summary>
    public string? PromptId { get; init; }

    /// <summary>Text spoken by text-to-speech in the tree's language (at most 1,000 characters); null when
    /// <see cref="PromptId"/> is set.</summary>
    public string? Text { get; init; }

    /// <summary>The prompt id played for this prompt in <paramref name="language"/>: <see cref="PromptId"/>, or the
    /// <see cref="SpeechPromptId"/> of <see cref="Text"/>.</summary>
    public string ToPromptId(string language) =>
        PromptId ?? SpeechPromptId(language, Text ?? throw new InvalidOperationException("a prompt needs a prompt id or a text"));

    /// <summary>The prompt id under which the speech of <paramref name="text"/> in <paramref name="language"/> is kept in
    /// that language's prompt folder: <c>tts-</c> and the first 16 hex digits (lower case) of the SHA-256 of the UTF-8
    /// of <c>language + "\n" + text</c>. Deterministic, so the prompt generator creates the file once under the name the
    /// call plays.</summary>
    public static string SpeechPromptId(string language, string text)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(text);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(language + "\n" + text));
        return "tts-" + Convert.ToHexStringLower(hash)[..16];
    }
}
