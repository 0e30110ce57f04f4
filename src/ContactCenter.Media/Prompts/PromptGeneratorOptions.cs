namespace ContactCenter.Media.Prompts;

/// <summary>Text-to-speech prompt generation settings.</summary>
public sealed class PromptGeneratorOptions
{
    /// <summary>The espeak-ng executable. Default "espeak-ng" (found on PATH; Debian package espeak-ng).</summary>
    public string EspeakPath { get; set; } = "espeak-ng";

    /// <summary>The sox executable that resamples to 8 kHz mono 16-bit. Default "sox" (Debian package sox).</summary>
    public string SoxPath { get; set; } = "sox";

    /// <summary>espeak-ng voice. Default "en".</summary>
    public string Voice { get; set; } = "en";

    /// <summary>Longest a single tool run may take. Default 30 s.</summary>
    public TimeSpan ToolTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
