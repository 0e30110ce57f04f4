namespace ContactCenter.Grains.Ivr;

/// <summary>File a recorded voicemail in its mailbox (<see cref="IIvrServices.SaveVoicemailAsync"/>).</summary>
/// <param name="Message">The message.</param>
public sealed record IvrSaveVoicemail(IvrVoicemailMessage Message) : IvrAction;
