using System.Text;

namespace ContactCenter.Actors;

/// <summary>FNV-1a over UTF-8: <see cref="string.GetHashCode()"/> is randomised per process, so anything two processes
/// must agree on (placement, reminder ownership) hashes with this instead.</summary>
internal static class StableHashing
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint Fnv1a32(string first, string? second = null)
    {
        var hash = Mix(OffsetBasis, first);
        if (second is not null)
        {
            hash = (hash ^ '/') * Prime;
            hash = Mix(hash, second);
        }
        return hash;
    }

    private static uint Mix(uint hash, string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(text.Length) <= buffer.Length
            ? buffer[..Encoding.UTF8.GetBytes(text, buffer)]
            : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }
        return hash;
    }
}
