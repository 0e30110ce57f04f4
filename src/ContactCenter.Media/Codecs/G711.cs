namespace ContactCenter.Media.Codecs;

/// <summary>Encode and decode dispatching on a <see cref="G711Codec"/> chosen at run time (per call leg).</summary>
public static class G711
{
    /// <summary>Encodes linear samples with the given law.</summary>
    public static void Encode(G711Codec codec, ReadOnlySpan<short> samples, Span<byte> destination)
    {
        if (codec == G711Codec.MuLaw)
        {
            MuLaw.Encode(samples, destination);
        }
        else
        {
            ALaw.Encode(samples, destination);
        }
    }

    /// <summary>Decodes code words of the given law to linear samples.</summary>
    public static void Decode(G711Codec codec, ReadOnlySpan<byte> codes, Span<short> destination)
    {
        if (codec == G711Codec.MuLaw)
        {
            MuLaw.Decode(codes, destination);
        }
        else
        {
            ALaw.Decode(codes, destination);
        }
    }

    /// <summary>The silence code word of the given law.</summary>
    public static byte Silence(G711Codec codec) => codec == G711Codec.MuLaw ? MuLaw.Silence : ALaw.Silence;
}
