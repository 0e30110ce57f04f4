using System.Collections.Immutable;

namespace ContactCenter.Contracts.Calls.Media;

/// <summary>What to play to the caller.</summary>
/// <param name="PromptIds">Prompts played in order (prompt files without extension).</param>
/// <param name="Loop">Repeat until stopped (music on hold, queue music).</param>
/// <param name="PlaybackId">Echoed in <see cref="PlaybackFinished"/>.</param>
/// <param name="Language">Language tag whose prompt folder holds the prompts (an IVR tree's language); null =
/// <c>en</c>.</param>
public sealed record MediaPlayback(ImmutableArray<string> PromptIds, bool Loop = false, string? PlaybackId = null, string? Language = null);
