using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Sip.Authentication;

/// <summary>The digest computations of RFC 7616 §3.4.1–§3.4.3 (RFC 2617 §3.2.2 for MD5) with qop=auth or, for old
/// peers, without qop (RFC 2069 compatibility on the client side).</summary>
public static class SipDigest
{
    /// <summary>The algorithm's token as written in challenges and credentials.</summary>
    public static string AlgorithmName(SipDigestAlgorithm algorithm) => algorithm switch
    {
        SipDigestAlgorithm.Md5 => "MD5",
        SipDigestAlgorithm.Sha256 => "SHA-256",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown digest algorithm"),
    };

    /// <summary>Parses an algorithm token (case-insensitive); an absent one means MD5 (RFC 7616 §3.3). The
    /// <c>-sess</c> variants and SHA-512-256 are not supported.</summary>
    public static bool TryParseAlgorithm(string? name, out SipDigestAlgorithm algorithm)
    {
        algorithm = SipDigestAlgorithm.Md5;
        if (name is null || name.Equals("MD5", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (name.Equals("SHA-256", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = SipDigestAlgorithm.Sha256;
            return true;
        }
        return false;
    }

    /// <summary>H(text): the lower-case hex digest of the UTF-8 text.</summary>
    [SuppressMessage("Security", "CA5351", Justification = "RFC 2617/7616 digest MD5 is required for interoperability with deployed SIP phones.")]
    public static string Hash(SipDigestAlgorithm algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return algorithm switch
        {
            SipDigestAlgorithm.Md5 => Convert.ToHexStringLower(MD5.HashData(bytes)),
            SipDigestAlgorithm.Sha256 => Convert.ToHexStringLower(SHA256.HashData(bytes)),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown digest algorithm"),
        };
    }

    /// <summary>HA1 = H(username:realm:password) (RFC 7616 §3.4.2), what a credential store may keep instead of the
    /// password.</summary>
    public static string ComputeHa1(SipDigestAlgorithm algorithm, string username, string realm, string password) =>
        Hash(algorithm, $"{username}:{realm}:{password}");

    /// <summary>The request-digest (RFC 7616 §3.4.1): KD(HA1, nonce:nc:cnonce:qop:HA2) with qop, or
    /// KD(HA1, nonce:HA2) without (RFC 2069); HA2 = H(method:uri).</summary>
    public static string ComputeResponse(SipDigestAlgorithm algorithm, string ha1, string nonce, string? nc, string? cnonce, string? qop, string method, string uri)
    {
        var ha2 = Hash(algorithm, $"{method}:{uri}");
        return qop is null
            ? Hash(algorithm, $"{ha1}:{nonce}:{ha2}")
            : Hash(algorithm, $"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}");
    }

    /// <summary>Compares an expected hex digest with a received one in time independent of where they differ (hex
    /// case ignored).</summary>
    public static bool DigestsEqual(string expected, string received)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(received);
        var a = Encoding.ASCII.GetBytes(expected.ToLowerInvariant());
        var b = Encoding.ASCII.GetBytes(received.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
