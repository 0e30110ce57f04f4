namespace ContactCenter.Contracts.Configuration;

/// <summary>A general-problem announcement (IVR-6): a recording admins upload and switch on when something affects
/// every caller ("our systems are down"), played by each <see cref="Ivr.IvrAnnouncementNode"/> naming it while
/// <see cref="Active"/>. The recording itself is the <see cref="AnnouncementAudio"/> document of the same id, kept apart
/// so listing announcements never loads audio; this document carries only its hash and duration, which the upload
/// (<c>PUT /api/v1/announcements/{id}/audio</c>) sets and a replaced announcement keeps.</summary>
public sealed record Announcement
{
    /// <summary>Document id; IVR announcement nodes refer to it.</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>Display name ("Network outage").</summary>
    public required string Name { get; init; }

    /// <summary>Whether calls passing an announcement node hear it; default false. Only an announcement with audio
    /// (<see cref="AudioSha256"/> set) may be active.</summary>
    public bool Active { get; init; }

    /// <summary>Language tag of the recording (e.g. <c>en</c>, <c>pl</c>, <c>en-GB</c>), as an IVR tree's. Default
    /// <c>en</c>.</summary>
    public string Language { get; init; } = "en";

    /// <summary>The SHA-256 of the uploaded WAV as 64 lower-case hex digits; null until audio is uploaded. Set only by
    /// the upload.</summary>
    public string? AudioSha256 { get; init; }

    /// <summary>How long the uploaded recording plays; zero until audio is uploaded. Set only by the upload.</summary>
    public TimeSpan AudioDuration { get; init; }
}
