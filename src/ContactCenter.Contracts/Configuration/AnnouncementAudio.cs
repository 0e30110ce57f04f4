namespace ContactCenter.Contracts.Configuration;

/// <summary>The recording of the <see cref="Announcement"/> with the same id: the WAV file as uploaded (8 kHz mono,
/// 16-bit PCM, μ-law or A-law, checked by the upload). A document of its own so announcements list without their audio;
/// written only by the upload and deleted with its announcement.</summary>
public sealed record AnnouncementAudio
{
    /// <summary>The largest WAV file accepted: 4 MiB, about 4 minutes of 16-bit PCM or 8 of G.711 at 8 kHz.</summary>
    public const int MaxWavLength = 4 * 1024 * 1024;

    /// <summary>Document id: the announcement's id.</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>The WAV file's bytes (base64 in JSON). Documents are shared as stored: never modify the array.</summary>
    public required byte[] Wav { get; init; }
}
