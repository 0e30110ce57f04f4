using System.Security.Cryptography;

namespace ContactCenter.Sip.Messages;

/// <summary>Random identifiers: branches, tags and Call-IDs. They come from a cryptographic generator because §19.3 and
/// §8.1.1.4 ask for global uniqueness and unpredictability (a guessable tag or Call-ID invites spoofed BYEs).</summary>
public static class SipIdentifiers
{
    /// <summary>A new branch with the magic cookie (§8.1.1.7), unique across space and time.</summary>
    public static string NewBranch() => ViaHeader.MagicCookie + RandomHex(12);

    /// <summary>A new From/To tag (§19.3: at least 32 bits of randomness).</summary>
    public static string NewTag() => RandomHex(8);

    /// <summary>A new Call-ID (§8.1.1.4).</summary>
    public static string NewCallId() => RandomHex(16);

    private static string RandomHex(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
