namespace ContactCenter.Web.Apis;

/// <summary>Where the web role finds voicemail recordings (IVR-3): bound from the section the SIP front end's options
/// use (<c>Telephony</c>), so the one <c>Telephony:VoicemailDirectory</c> setting names the directory the front end
/// records into and the only one the API serves and deletes files from.</summary>
public sealed class VoicemailOptions
{
    /// <summary>The configuration section (shared with the SIP front end).</summary>
    public const string SectionName = "Telephony";

    /// <summary>The voicemail directory: a recording is served or deleted only when its path lies inside it. Default:
    /// <c>{temp}/contactcenter/voicemail</c>, as the front end's.</summary>
    public string VoicemailDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "contactcenter", "voicemail");

    /// <summary>True when <paramref name="path"/> resolves to a file inside <see cref="VoicemailDirectory"/> (no
    /// <c>..</c> escapes it); the full path is returned in <paramref name="fullPath"/>.</summary>
    public bool Contains(string? path, out string fullPath)
    {
        fullPath = "";
        if (string.IsNullOrWhiteSpace(path) || string.IsNullOrWhiteSpace(VoicemailDirectory))
        {
            return false;
        }
        var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(VoicemailDirectory)) + Path.DirectorySeparatorChar;
        fullPath = Path.GetFullPath(path, directory);
        return fullPath.StartsWith(directory, StringComparison.Ordinal) && fullPath.Length > directory.Length;
    }
}
