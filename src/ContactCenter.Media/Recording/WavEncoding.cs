namespace ContactCenter.Media.Recording;

/// <summary>Sample encodings this engine reads and writes in WAV files, valued by their RIFF format tag.</summary>
public enum WavEncoding : ushort
{
    /// <summary>Linear PCM (WAVE_FORMAT_PCM), 16 bits per sample here.</summary>
    Pcm = 1,

    /// <summary>G.711 A-law (WAVE_FORMAT_ALAW), 8 bits per sample.</summary>
    ALaw = 6,

    /// <summary>G.711 μ-law (WAVE_FORMAT_MULAW), 8 bits per sample.</summary>
    MuLaw = 7,
}
