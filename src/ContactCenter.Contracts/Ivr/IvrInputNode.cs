namespace ContactCenter.Contracts.Ivr;

/// <summary>Collects a number entered by DTMF (a card or customer number, IVR-8) into a call attribute that later
/// steps use as <c>{attr:name}</c>. Entry ends at <see cref="MaxDigits"/> digits, at <see cref="Terminator"/>, or when
/// the caller pauses; fewer than <see cref="MinDigits"/> digits count as a failed attempt.</summary>
public sealed record IvrInputNode : IvrNode
{
    /// <summary>The request to enter the number.</summary>
    public required IvrPrompt Prompt { get; init; }

    /// <summary>Name of the call attribute the digits are stored in.</summary>
    public required string Attribute { get; init; }

    /// <summary>Fewest digits accepted. Default 1.</summary>
    public int MinDigits { get; init; } = 1;

    /// <summary>Most digits collected, at most 32. Default 16.</summary>
    public int MaxDigits { get; init; } = 16;

    /// <summary>Key that ends entry without being stored: <c>#</c>, <c>*</c>, or empty for none. Default <c>#</c>.
    /// </summary>
    public string Terminator { get; init; } = "#";

    /// <summary>How long to wait for the first and for each further digit. Default 5 s, at most 60 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Repetitions after a failed attempt, 0-10. Default 2.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Node after a successful entry.</summary>
    public required string Next { get; init; }

    /// <summary>Node after the last retry fails; null = hang up.</summary>
    public string? Fallback { get; init; }
}
