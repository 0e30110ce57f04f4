namespace ContactCenter.Contracts.Voicemails;

/// <summary>Where a <see cref="Voicemail"/> stands, as the people working its mailbox mark it on the web.</summary>
public enum VoicemailStatus
{
    /// <summary>Filed by the IVR, not yet listened to.</summary>
    New,

    /// <summary>Someone listened to it.</summary>
    Heard,

    /// <summary>Dealt with (the caller was called back or the matter closed).</summary>
    Handled,
}
