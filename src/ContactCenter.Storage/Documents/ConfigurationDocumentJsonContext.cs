using System.Text.Json;
using System.Text.Json.Serialization;
using ContactCenter.Contracts.Callbacks;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Contracts.Voicemails;

namespace ContactCenter.Storage.Documents;

/// <summary>Serializer metadata of every configuration document kind, in the shape of <see cref="IvrJsonContext"/>
/// (camelCase, enums as strings, polymorphic IVR nodes by <c>kind</c>): what the PostgreSQL store keeps in its jsonb
/// column. Documents are stored whole, as serialization writes them, so the source generator's zero values for missing
/// init-only members (dotnet/runtime#84484) never apply.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(Skill))]
[JsonSerializable(typeof(Queue))]
[JsonSerializable(typeof(AgentProfile))]
[JsonSerializable(typeof(PauseCode))]
[JsonSerializable(typeof(CallCategory))]
[JsonSerializable(typeof(NoAnswerPolicy))]
[JsonSerializable(typeof(IvrTree))]
[JsonSerializable(typeof(SiteSettings))]
[JsonSerializable(typeof(UserAccount))]
[JsonSerializable(typeof(TransferGroup))]
[JsonSerializable(typeof(Trunk))]
[JsonSerializable(typeof(InboundNumber))]
[JsonSerializable(typeof(Announcement))]
[JsonSerializable(typeof(AnnouncementAudio))]
[JsonSerializable(typeof(CallbackRequest))]
[JsonSerializable(typeof(Voicemail))]
internal sealed partial class ConfigurationDocumentJsonContext : JsonSerializerContext;
