namespace ContactCenter.Contracts.Ivr;

/// <summary>What a call standing at an IVR node waits for (<see cref="IvrPosition.Stage"/>).</summary>
public enum IvrStage
{
    /// <summary>The node's prompt plays; the node acts when it finishes (play, queue, transfer, hang-up,
    /// out-of-hours, announcement, voicemail).</summary>
    Prompt,

    /// <summary>Digits are collected (menu, digit input, callback offer); the prompt may still play.</summary>
    Digits,

    /// <summary>The invalid-entry prompt plays; the menu or input repeats when it finishes.</summary>
    Invalid,

    /// <summary>The callback's preferred time is collected.</summary>
    CallbackTime,

    /// <summary>The voicemail is recorded.</summary>
    Recording,

    /// <summary>The external lookup runs.</summary>
    Lookup,

    /// <summary>The announcement's activation is checked.</summary>
    Announcement,

    /// <summary>The transfer was handed to the front end (or the agent's arbiter); its outcome is awaited.</summary>
    Transfer,
}
