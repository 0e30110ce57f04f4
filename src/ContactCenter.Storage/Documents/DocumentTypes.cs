using ContactCenter.Contracts.Callbacks;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Contracts.Voicemails;

namespace ContactCenter.Storage.Documents;

/// <summary>The document kinds the stores keep, each validated by <see cref="DocumentValidator"/>.</summary>
internal static class DocumentTypes
{
    private static readonly ConfigurationDocumentJsonContext Json = ConfigurationDocumentJsonContext.Default;

    public static readonly DocumentType<Skill> Skill =
        new(DocumentKind.Skill, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.Skill);

    public static readonly DocumentType<Queue> Queue =
        new(DocumentKind.Queue, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.Queue);

    public static readonly DocumentType<AgentProfile> AgentProfile =
        new(DocumentKind.AgentProfile, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.AgentProfile);

    public static readonly DocumentType<PauseCode> PauseCode =
        new(DocumentKind.PauseCode, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.PauseCode);

    public static readonly DocumentType<CallCategory> CallCategory =
        new(DocumentKind.CallCategory, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.CallCategory);

    public static readonly DocumentType<NoAnswerPolicy> NoAnswerPolicy =
        new(DocumentKind.NoAnswerPolicy, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.NoAnswerPolicy);

    public static readonly DocumentType<IvrTree> IvrTree =
        new(DocumentKind.IvrTree, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.IvrTree);

    public static readonly DocumentType<SiteSettings> SiteSettings =
        new(DocumentKind.SiteSettings, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.SiteSettings);

    public static readonly DocumentType<UserAccount> UserAccount =
        new(DocumentKind.UserAccount, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.UserAccount);

    public static readonly DocumentType<TransferGroup> TransferGroup =
        new(DocumentKind.TransferGroup, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.TransferGroup);

    public static readonly DocumentType<Trunk> Trunk =
        new(DocumentKind.Trunk, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.Trunk);

    public static readonly DocumentType<InboundNumber> InboundNumber =
        new(DocumentKind.InboundNumber, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.InboundNumber);

    public static readonly DocumentType<Announcement> Announcement =
        new(DocumentKind.Announcement, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.Announcement);

    public static readonly DocumentType<AnnouncementAudio> AnnouncementAudio =
        new(DocumentKind.AnnouncementAudio, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.AnnouncementAudio);

    public static readonly DocumentType<CallbackRequest> CallbackRequest =
        new(DocumentKind.CallbackRequest, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.CallbackRequest);

    public static readonly DocumentType<Voicemail> Voicemail =
        new(DocumentKind.Voicemail, d => d.Id, d => d.Version, (d, v) => d with { Version = v }, DocumentValidator.Validate, Json.Voicemail);

    /// <summary>The type of documents of <typeparamref name="T"/>; <see cref="NotSupportedException"/> for a type
    /// that is not a configuration document.</summary>
    public static DocumentType<T> For<T>() where T : class => ForType(typeof(T)) as DocumentType<T>
        ?? throw new NotSupportedException($"{typeof(T).Name} is not a configuration document kind");

    private static object? ForType(Type type) =>
        type == typeof(Skill) ? Skill
        : type == typeof(Queue) ? Queue
        : type == typeof(AgentProfile) ? AgentProfile
        : type == typeof(PauseCode) ? PauseCode
        : type == typeof(CallCategory) ? CallCategory
        : type == typeof(NoAnswerPolicy) ? NoAnswerPolicy
        : type == typeof(IvrTree) ? IvrTree
        : type == typeof(SiteSettings) ? SiteSettings
        : type == typeof(UserAccount) ? UserAccount
        : type == typeof(TransferGroup) ? TransferGroup
        : type == typeof(Trunk) ? Trunk
        : type == typeof(InboundNumber) ? InboundNumber
        : type == typeof(Announcement) ? Announcement
        : type == typeof(AnnouncementAudio) ? AnnouncementAudio
        : type == typeof(CallbackRequest) ? CallbackRequest
        : type == typeof(Voicemail) ? Voicemail
        : null;
}
