using System.Numerics;
using System.Runtime.CompilerServices;

namespace ContactCenter.Media.Codecs;

/// <summary>ITU-T G.711 A-law (PCMA, RTP payload type 8): 16-bit linear PCM to 8-bit logarithmic code words and back.</summary>
/// <remarks>
/// G.711 §3 defines A-law on 13-bit magnitudes: segment 0 and segment 1 share the finest step (2 units), each further
/// segment doubles it, so segment 1..7 is the position of the highest set bit minus four and the step within a
/// segment is read at shift max(segment, 1). Negative values are taken as one's complement so that -1 lands in the
/// first step like 0 does (Table 1a). Even bits of the code word are inverted on the line (XOR 0x55) and the sign bit
/// is 1 for positive values, hence the masks 0xD5 and 0x55.
/// </remarks>
public static class ALaw
{
    private const int PositiveMask = 0xD5;
    private const int NegativeMask = 0x55;

    private static readonly short[] DecodeTable = BuildDecodeTable();

    // Every 16-bit input's code word, computed once from Encode(short): 64 KiB that turn span encoding into one load
    // per sample (about four times faster than the arithmetic, see the G.711 benchmarks).
    private static readonly byte[] EncodeTable = BuildEncodeTable();

    /// <summary>The code word for digital silence (smallest positive value).</summary>
    public const byte Silence = 0xD5;

    /// <summary>Encodes one linear sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Encode(short sample)
    {
        int value = sample;
        int mask;
        if (value >= 0)
        {
            mask = PositiveMask;
        }
        else
        {
            mask = NegativeMask;
            value = ~value;
        }
        // 16-bit to the 13-bit magnitude G.711 works on: 0..4095.
        value >>= 3;
        var segment = value < 32 ? 0 : BitOperations.Log2((uint)value) - 4;
        var step = (value >> (segment == 0 ? 1 : segment)) & 0x0F;
        return (byte)(((segment << 4) | step) ^ mask);
    }

    /// <summary>Decodes one code word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Encodes <paramref name="samples"/> into <paramref name="destination"/> (one byte per sample).</summary>
    /// <exception cref="ArgumentException">The destination is shorter than the source.</exception>
    public static void Encode(ReadOnlySpan<short> samples, Span<byte> destination) =>
        G711Tables.Encode(EncodeTable, samples, destination);

    /// <summary>Decodes <paramref name="codes"/> into <paramref name="destination"/> (one sample per byte).</summary>
    /// <exception cref="ArgumentException">The destination is shorter than the source.</exception>
    public static void Decode(ReadOnlySpan<byte> codes, Span<short> destination) =>
        G711Tables.Decode(DecodeTable, codes, destination);

    /// <summary>The decoder as G.711 defines it: the reconstruction value is the middle of the quantisation step.</summary>
    internal static short DecodeSlow(byte code)
    {
        var value = code ^ NegativeMask;
        var segment = (value >> 4) & 0x07;
        var step = value & 0x0F;
        // Middle of the step in 13-bit units is 2 * step + 1 (segment 0) or 2 * step + 33 (segments >= 1, which add
        // the implicit leading bit), then scaled by 2^(segment - 1) and by 8 for 16-bit output.
        var magnitude = segment == 0
            ? (step << 4) + 8
            : ((step << 4) + 0x108) << (segment - 1);
        return (short)((value & 0x80) != 0 ? magnitude : -magnitude);
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var code = 0; code < 256; code++)
        {
            table[code] = DecodeSlow((byte)code);
        }
        return table;
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[65536];
        for (var sample = 0; sample < table.Length; sample++)
        {
            table[sample] = Encode((short)sample);
        }
        return table;
    }
}
