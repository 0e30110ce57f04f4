using System.Text.RegularExpressions;
using ContactCenter.Contracts.Validation;

namespace ContactCenter.Contracts.Configuration;

public static partial class DocumentValidator
{
    /// <summary>Validates a general-problem announcement: a language tag, an audio hash that is 64 lower-case hex
    /// digits with a positive duration (or neither, before the upload), and no activation without audio.</summary>
    public static FieldErrors Validate(Announcement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        var errors = Header(announcement.Id, announcement.Version, announcement.Name);
        errors.Require(announcement.Language is not null && LanguagePattern().IsMatch(announcement.Language), "language",
            "must be a language tag such as en or en-GB");
        if (announcement.AudioSha256 is null)
        {
            errors.Require(announcement.AudioDuration == TimeSpan.Zero, "audioDuration", "must be zero before audio is uploaded");
            errors.Require(!announcement.Active, "active", "upload the audio first: an announcement without audio cannot be active");
        }
        else
        {
            errors.Require(Sha256Pattern().IsMatch(announcement.AudioSha256), "audioSha256", "must be 64 lower-case hex digits");
            errors.Positive(announcement.AudioDuration, "audioDuration");
        }
        return errors.Build();
    }

    /// <summary>Validates an announcement's recording: an id and 1 to <see cref="AnnouncementAudio.MaxWavLength"/>
    /// bytes. Whether they are an 8 kHz mono WAV is the upload's check, which can decode them.</summary>
    public static FieldErrors Validate(AnnouncementAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var errors = new FieldErrorsBuilder();
        errors.Id(audio.Id, "id");
        errors.Version(audio.Version);
        errors.Require(audio.Wav is { Length: > 0 and <= AnnouncementAudio.MaxWavLength }, "wav",
            $"must hold 1 to {AnnouncementAudio.MaxWavLength} bytes");
        return errors.Build();
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
