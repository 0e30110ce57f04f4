using System.Collections.Immutable;

namespace ContactCenter.Contracts.Configuration;

/// <summary>What a caller hears and may do while waiting in a queue (IVR-5): music, a periodic announcement of their
/// position and expected wait, and keys that leave the queue for a callback or voicemail tree.</summary>
public sealed record QueueTreatment
{
    /// <summary>The default prompt looped while the caller waits.</summary>
    public const string DefaultMusicPromptId = "music-on-hold";

    /// <summary>The prompt looped while the caller waits. Default <see cref="DefaultMusicPromptId"/>.</summary>
    public string MusicPromptId { get; init; } = DefaultMusicPromptId;

    /// <summary>How often the announcement interrupts the music (first after this long in the queue); null = never.
    /// At least 10 seconds.</summary>
    public TimeSpan? AnnounceEvery { get; init; }

    /// <summary>The announcement says the caller's position ("You are caller number three in the queue."). Default on.</summary>
    public bool AnnouncePosition { get; init; } = true;

    /// <summary>The announcement says the expected wait in minutes, once the queue has measured how fast it answers.
    /// Default on.</summary>
    public bool AnnounceExpectedWait { get; init; } = true;

    /// <summary>A prompt played after the position and wait that names the keys of <see cref="Options"/> (e.g.
    /// "To request a callback instead of waiting, press 1."); null = none.</summary>
    public string? OptionsPromptId { get; init; }

    /// <summary>Keys the caller may press while waiting, each leading to an IVR tree.</summary>
    public ImmutableArray<QueueWaitOption> Options { get; init; } = [];

    /// <summary>The option of <paramref name="digit"/>, if any.</summary>
    public QueueWaitOption? FindOption(string? digit) =>
        Options.IsDefault ? null : Options.FirstOrDefault(o => string.Equals(o.Digit, digit, StringComparison.Ordinal));
}
