using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ContactCenter.Sip.Authentication;

/// <summary>A Digest challenge: the value of one WWW-Authenticate or Proxy-Authenticate header (RFC 7616 §3.3,
/// RFC 3261 §22.4).</summary>
/// <param name="Realm">The protection space.</param>
/// <param name="Nonce">The server nonce.</param>
/// <param name="Algorithm">The digest algorithm.</param>
/// <param name="Qop">The qop options as written (<c>auth</c>, <c>auth,auth-int</c>); null when absent (RFC 2069).</param>
/// <param name="Opaque">Opaque data to return unchanged; null when absent.</param>
/// <param name="Stale">Whether the previous credentials were right and only the nonce had expired.</param>
public sealed record SipDigestChallenge(string Realm, string Nonce, SipDigestAlgorithm Algorithm, string? Qop = "auth", string? Opaque = null, bool Stale = false)
{
    /// <summary>Whether the challenge offers qop=auth.</summary>
    public bool OffersAuth => Qop is not null && Qop.Split(',').Any(q => q.Trim().Equals("auth", StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses a header value; false for another scheme, a missing realm or nonce, or an algorithm this stack
    /// does not compute.</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out SipDigestChallenge? challenge)
    {
        challenge = null;
        if (!SipAuthHeaderParser.TryParse(value, "Digest", out var p)
            || !p.TryGetValue("realm", out var realm) || !p.TryGetValue("nonce", out var nonce)
            || !SipDigest.TryParseAlgorithm(p.GetValueOrDefault("algorithm"), out var algorithm))
        {
            return false;
        }
        challenge = new SipDigestChallenge(realm, nonce, algorithm, p.GetValueOrDefault("qop"), p.GetValueOrDefault("opaque"),
            p.TryGetValue("stale", out var stale) && stale.Equals("true", StringComparison.OrdinalIgnoreCase));
        return true;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new StringBuilder("Digest ", 160);
        SipAuthHeaderParser.AppendQuoted(builder, "realm", Realm);
        SipAuthHeaderParser.AppendQuoted(builder, "nonce", Nonce);
        SipAuthHeaderParser.AppendToken(builder, "algorithm", SipDigest.AlgorithmName(Algorithm));
        if (Qop is not null)
        {
            SipAuthHeaderParser.AppendQuoted(builder, "qop", Qop);
        }
        if (Opaque is not null)
        {
            SipAuthHeaderParser.AppendQuoted(builder, "opaque", Opaque);
        }
        if (Stale)
        {
            SipAuthHeaderParser.AppendToken(builder, "stale", "true");
        }
        return builder.ToString();
    }
}
