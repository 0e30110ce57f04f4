namespace ContactCenter.Storage.Documents;

/// <summary>The kinds of configuration document the <see cref="IDocumentStore"/> keeps; a document's id is unique within
/// its kind.</summary>
public enum DocumentKind
{
    /// <summary><see cref="Contracts.Configuration.Skill"/>.</summary>
    Skill,

    /// <summary><see cref="Contracts.Configuration.Queue"/>.</summary>
    Queue,

    /// <summary><see cref="Contracts.Configuration.AgentProfile"/>.</summary>
    AgentProfile,

    /// <summary><see cref="Contracts.Configuration.PauseCode"/>.</summary>
    PauseCode,

    /// <summary><see cref="Contracts.Configuration.CallCategory"/>.</summary>
    CallCategory,

    /// <summary><see cref="Contracts.Configuration.NoAnswerPolicy"/>.</summary>
    NoAnswerPolicy,

    /// <summary><see cref="Contracts.Ivr.IvrTree"/>.</summary>
    IvrTree,

    /// <summary><see cref="Contracts.Configuration.SiteSettings"/>.</summary>
    SiteSettings,

    /// <summary><see cref="Contracts.Configuration.UserAccount"/>.</summary>
    UserAccount,

    /// <summary><see cref="Contracts.Configuration.TransferGroup"/>.</summary>
    TransferGroup,

    /// <summary><see cref="Contracts.Configuration.Trunk"/>.</summary>
    Trunk,

    /// <summary><see cref="Contracts.Configuration.InboundNumber"/>.</summary>
    InboundNumber,

    /// <summary><see cref="Contracts.Configuration.Announcement"/>.</summary>
    Announcement,

    /// <summary><see cref="Contracts.Configuration.AnnouncementAudio"/>.</summary>
    AnnouncementAudio,

    /// <summary><see cref="Contracts.Callbacks.CallbackRequest"/>.</summary>
    CallbackRequest,

    /// <summary><see cref="Contracts.Voicemails.Voicemail"/>.</summary>
    Voicemail,
}
