namespace ContactCenter.Contracts.Ivr;

/// <summary>Offers a callback (IVR-4): <see cref="Prompt"/> asks the caller to press <see cref="AcceptDigit"/>; on
/// acceptance <see cref="TimePrompt"/> (when set) asks for a preferred time as four digits <c>HHMM</c> in the tree's
/// time zone, and a callback task for the caller's number is stored in <see cref="QueueId"/>. Another key or no key
/// within <see cref="Timeout"/> declines; a missing or invalid time means "as soon as possible".</summary>
public sealed record IvrCallbackNode : IvrNode
{
    /// <summary>The offer.</summary>
    public required IvrPrompt Prompt { get; init; }

    /// <summary>The key that accepts: <c>0</c>-<c>9</c>, <c>*</c> or <c>#</c>. Default <c>1</c>.</summary>
    public string AcceptDigit { get; init; } = "1";

    /// <summary>Asks for the preferred time; null = no preferred time, call back as soon as possible.</summary>
    public IvrPrompt? TimePrompt { get; init; }

    /// <summary>Queue that receives the callback task.</summary>
    public required string QueueId { get; init; }

    /// <summary>How long to wait for each key. Default 5 s, at most 60 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Node after the callback is stored.</summary>
    public required string Accepted { get; init; }

    /// <summary>Node when the caller declines.</summary>
    public required string Declined { get; init; }
}
