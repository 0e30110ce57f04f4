using ContactCenter.Contracts.Callbacks;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Contracts.Voicemails;
using ContactCenter.Storage.Documents;

namespace ContactCenter.Storage.Tests.Documents;

/// <summary>Valid documents of every kind with fresh ids, and comparison by their stored JSON (records holding
/// immutable arrays do not compare by value).</summary>
internal static class SampleDocuments
{
    public static string NewId(string name) => $"{name}-{Guid.NewGuid():N}";

    public static Skill Skill(string? id = null) =>
        new() { Id = id ?? NewId("skill"), Name = "English", Description = "Spoken English" };

    public static Queue Queue(string? id = null) => new()
    {
        Id = id ?? NewId("queue"),
        Name = "Sales",
        TimeZoneId = "Europe/Warsaw",
        BusinessHours = [new WeekdayHours(DayOfWeek.Monday, new TimeRange(new TimeOnly(8, 0), new TimeOnly(18, 0)))],
        RingTimeout = TimeSpan.FromSeconds(15),
        WrapUpTime = TimeSpan.FromSeconds(30),
        Priority = 5,
        RequiredSkills = [new SkillRequirement("english", 3)],
        NoAnswerPolicyId = "strict",
    };

    public static AgentProfile AgentProfile(string? id = null, string? noAnswerPolicyId = null) => new()
    {
        Id = id ?? NewId("agent"),
        Name = "Anna Nowak",
        Skills = [new SkillLevel("english", 7)],
        Queues = [new QueueMembership("sales", 2)],
        Phone = "1001",
        NoAnswerPolicyId = noAnswerPolicyId,
    };

    public static PauseCode PauseCode(string? id = null) =>
        new() { Id = id ?? NewId("pause"), Name = "Lunch", Kind = PauseKind.Private, MaxDuration = TimeSpan.FromMinutes(30) };

    public static CallCategory CallCategory(string? id = null) =>
        new() { Id = id ?? NewId("category"), Name = "Complaint", ParentId = "service", QueueIds = ["sales", "support"] };

    public static NoAnswerPolicy NoAnswerPolicy(string? id = null, int maxMisses = 3) => new()
    {
        Id = id ?? NewId("policy"),
        Name = "Three strikes",
        MaxMisses = maxMisses,
        Window = TimeSpan.FromMinutes(5),
        Action = NoAnswerAction.Pause,
        PauseCodeId = "missed",
    };

    public static IvrTree IvrTree(string? id = null) => new()
    {
        Id = id ?? NewId("ivr"),
        Name = "Main line",
        StartNodeId = "bye",
        Nodes = [new IvrHangupNode { Id = "bye" }],
    };

    public static SiteSettings Settings(string? id = null, string? noAnswerPolicyId = "default") =>
        new() { Id = id ?? NewId("site"), NoAnswerPolicyId = noAnswerPolicyId };

    /// <summary>A user account; the hash is in the shape PasswordHasher writes (v3), not of a real password.</summary>
    public static UserAccount User(string? id = null) => new()
    {
        Id = id ?? NewId("user"),
        DisplayName = "Anna Nowak",
        Roles = [UserRoles.Agent, UserRoles.Supervisor],
        Permissions = [UserPermission.ListenToRecordings],
        AgentProfileId = "anna",
        PasswordHash = "AQAAAAIAAYagAAAAEFpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWg==",
    };

    /// <summary>A trunk with its digest secret (which the store keeps as given).</summary>
    public static Trunk Trunk(string? id = null) => new()
    {
        Id = id ?? NewId("trunk"),
        Name = "Carrier",
        Host = "sip.carrier.example",
        Port = 5061,
        Transport = SipTransportKind.Tls,
        AllowedSources = ["192.0.2.0/24", "2001:db8::1"],
        Outbound = true,
        Order = 2,
        OutboundCallerId = "+48221000000",
        DialPrefix = "0",
        AuthUsername = "cc-site",
        AuthPassword = "carrier-secret",
    };

    public static InboundNumber InboundNumber(string? id = null) => new()
    {
        Id = id ?? $"+48{Random.Shared.NextInt64(100_000_000, 999_999_999)}",
        Name = "Hotline",
        Target = InboundNumberTargetKind.IvrTree,
        TargetId = "main",
        TrunkIds = ["carrier"],
        Priority = 20,
    };

    /// <summary>An active announcement with its recording's hash and duration.</summary>
    public static Announcement Announcement(string? id = null) => new()
    {
        Id = id ?? NewId("announcement"),
        Name = "Network outage",
        Active = true,
        Language = "pl",
        AudioSha256 = new string('c', 64),
        AudioDuration = TimeSpan.FromSeconds(12.5),
    };

    /// <summary>A recording of <paramref name="length"/> bytes holding every byte value (the store does not decode it).</summary>
    public static AnnouncementAudio AnnouncementAudio(string? id = null, int length = 1000)
    {
        var wav = new byte[length];
        for (var i = 0; i < wav.Length; i++)
        {
            wav[i] = (byte)(i * 7);
        }
        return new() { Id = id ?? NewId("announcement"), Wav = wav };
    }

    /// <summary>A pending callback with a preferred time.</summary>
    public static CallbackRequest Callback(string? id = null) => new()
    {
        Id = id ?? NewId("callback"),
        CallId = "call-" + Guid.NewGuid().ToString("N"),
        Number = "+48221000100",
        QueueId = "sales",
        PreferredAt = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.FromHours(1)),
        CreatedAt = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero),
    };

    /// <summary>A voicemail with its recording's path.</summary>
    public static Voicemail Voicemail(string? id = null) => new()
    {
        Id = id ?? NewId("voicemail"),
        MailboxId = "support",
        CallId = "call-" + Guid.NewGuid().ToString("N"),
        CallerNumber = "+48221000200",
        RecordedAt = new DateTimeOffset(2026, 3, 2, 9, 31, 0, TimeSpan.Zero),
        Duration = TimeSpan.FromSeconds(17.5),
        Path = "/var/tmp/contactcenter/recordings/call.wav",
    };

    public static string Json<T>(T? document) where T : class =>
        document is null ? "null" : DocumentTypes.For<T>().Serialize(document);

    public static void Equal<T>(T expected, T? actual) where T : class => Assert.Equal(Json(expected), Json(actual));
}
