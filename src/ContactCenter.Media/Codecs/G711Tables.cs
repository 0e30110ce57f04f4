namespace ContactCenter.Media.Codecs;

/// <summary>The span loops both laws share: each sample or code word is one lookup in the law's table.</summary>
internal static class G711Tables
{
    /// <summary>Encodes through a 65,536-entry table indexed by the sample's bits.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than the source.</exception>
    public static void Encode(byte[] table, ReadOnlySpan<short> samples, Span<byte> destination)
    {
        if (destination.Length < samples.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        }
        for (var i = 0; i < samples.Length; i++)
        {
            destination[i] = table[(ushort)samples[i]];
        }
    }

    /// <summary>Decodes through a 256-entry table.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than the source.</exception>
    public static void Decode(short[] table, ReadOnlySpan<byte> codes, Span<short> destination)
    {
        if (destination.Length < codes.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        }
        for (var i = 0; i < codes.Length; i++)
        {
            destination[i] = table[codes[i]];
        }
    }
}
