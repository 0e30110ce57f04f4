using System.Collections.Immutable;

namespace ContactCenter.Contracts.Ivr;

/// <summary>A DTMF menu: plays <see cref="Prompt"/> and waits for one key. A key without a choice, or no key within
/// <see cref="Timeout"/>, plays <see cref="InvalidPrompt"/> and repeats the menu up to <see cref="MaxRetries"/> times;
/// then the call goes to <see cref="Fallback"/>. A key pressed during the prompt interrupts it.</summary>
public sealed record IvrMenuNode : IvrNode
{
    /// <summary>The menu announcement.</summary>
    public required IvrPrompt Prompt { get; init; }

    /// <summary>The keys, each at most once.</summary>
    public ImmutableArray<IvrMenuChoice> Choices { get; init; } = [];

    /// <summary>How long to wait for a key after the prompt. Default 5 s, at most 60 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Repetitions after an invalid key or a timeout, 0-10. Default 2.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Played after an invalid key or a timeout, before the menu repeats; null = none.</summary>
    public IvrPrompt? InvalidPrompt { get; init; }

    /// <summary>Node after the last retry fails; null = hang up.</summary>
    public string? Fallback { get; init; }
}
