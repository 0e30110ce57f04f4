namespace ContactCenter.Grains.Ivr;

/// <summary>The announcement's activation state.</summary>
/// <param name="PromptId">The active announcement's prompt; null when it is inactive or unknown.</param>
public sealed record IvrAnnouncementChecked(string? PromptId) : IvrInput;
