namespace ContactCenter.Media.Recording;

/// <summary>The audio format of a WAV file's fmt chunk.</summary>
/// <param name="Encoding">Sample encoding.</param>
/// <param name="Channels">Interleaved channels.</param>
/// <param name="SampleRate">Samples per second per channel.</param>
/// <param name="BitsPerSample">16 for PCM, 8 for G.711.</param>
public readonly record struct WavFormat(WavEncoding Encoding, int Channels, int SampleRate, int BitsPerSample)
{
    /// <summary>8 kHz 16-bit mono PCM, the prompt format.</summary>
    public static WavFormat PcmMono8k => new(WavEncoding.Pcm, 1, 8000, 16);

    /// <summary>8 kHz 16-bit stereo PCM, the recording format.</summary>
    public static WavFormat PcmStereo8k => new(WavEncoding.Pcm, 2, 8000, 16);

    /// <summary>Octets per sample frame (all channels).</summary>
    public int BlockAlign => Channels * BitsPerSample / 8;

    /// <summary>Octets per second.</summary>
    public int ByteRate => SampleRate * BlockAlign;
}
