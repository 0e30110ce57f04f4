namespace ContactCenter.Media.Codecs;

/// <summary>Converts G.711 code words between μ-law and A-law without going through a 16-bit buffer.</summary>
/// <remarks>Each table is the composition decode-then-encode computed once at start-up, so a call leg on PCMU can be
/// bridged to one on PCMA at one table lookup per sample.</remarks>
public static class G711Transcoder
{
    private static readonly byte[] MuToA = Build(static c => ALaw.Encode(MuLaw.Decode(c)));
    private static readonly byte[] AToMu = Build(static c => MuLaw.Encode(ALaw.Decode(c)));

    /// <summary>Converts one μ-law code word to A-law.</summary>
    public static byte MuLawToALaw(byte code) => MuToA[code];

    /// <summary>Converts one A-law code word to μ-law.</summary>
    public static byte ALawToMuLaw(byte code) => AToMu[code];

    /// <summary>Converts μ-law <paramref name="source"/> into A-law <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than the source.</exception>
    public static void MuLawToALaw(ReadOnlySpan<byte> source, Span<byte> destination) => Map(MuToA, source, destination);

    /// <summary>Converts A-law <paramref name="source"/> into μ-law <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than the source.</exception>
    public static void ALawToMuLaw(ReadOnlySpan<byte> source, Span<byte> destination) => Map(AToMu, source, destination);

    private static void Map(byte[] table, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        }
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]];
        }
    }

    private static byte[] Build(Func<byte, byte> map)
    {
        var table = new byte[256];
        for (var code = 0; code < 256; code++)
        {
            table[code] = map((byte)code);
        }
        return table;
    }
}
