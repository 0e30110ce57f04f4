using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ContactCenter.Sip.Authentication;

/// <summary>Digest credentials: the value of an Authorization or Proxy-Authorization header (RFC 7616 §3.4,
/// RFC 3261 §22.4). Holds the request-digest, never the password.</summary>
/// <param name="Username">The user name.</param>
/// <param name="Realm">The realm of the challenge answered.</param>
/// <param name="Nonce">The nonce of the challenge answered.</param>
/// <param name="Uri">The digest-uri (the Request-URI as sent).</param>
/// <param name="Response">The request-digest in hex.</param>
/// <param name="Algorithm">The algorithm.</param>
/// <param name="Qop">The qop chosen (<c>auth</c>); null without qop (RFC 2069).</param>
/// <param name="Cnonce">The client nonce; null without qop.</param>
/// <param name="Nc">The nonce count, 8 hex digits; null without qop.</param>
/// <param name="Opaque">The challenge's opaque, returned unchanged; null when it had none.</param>
public sealed record SipDigestCredentials(
    string Username,
    string Realm,
    string Nonce,
    string Uri,
    string Response,
    SipDigestAlgorithm Algorithm,
    string? Qop,
    string? Cnonce,
    string? Nc,
    string? Opaque)
{
    /// <summary>Parses a header value; false for another scheme, a missing required parameter or an algorithm this
    /// stack does not compute.</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out SipDigestCredentials? credentials)
    {
        credentials = null;
        if (!SipAuthHeaderParser.TryParse(value, "Digest", out var p)
            || !p.TryGetValue("username", out var username) || !p.TryGetValue("realm", out var realm)
            || !p.TryGetValue("nonce", out var nonce) || !p.TryGetValue("uri", out var uri)
            || !p.TryGetValue("response", out var response)
            || !SipDigest.TryParseAlgorithm(p.GetValueOrDefault("algorithm"), out var algorithm))
        {
            return false;
        }
        credentials = new SipDigestCredentials(username, realm, nonce, uri, response, algorithm,
            p.GetValueOrDefault("qop"), p.GetValueOrDefault("cnonce"), p.GetValueOrDefault("nc"), p.GetValueOrDefault("opaque"));
        return true;
    }

    /// <summary>The nonce count as a number; null when absent or not 8 hex digits (RFC 7616 §3.4).</summary>
    public long? NonceCount =>
        Nc is { Length: 8 } && long.TryParse(Nc, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var count)
            ? count : null;

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new StringBuilder("Digest ", 256);
        SipAuthHeaderParser.AppendQuoted(builder, "username", Username);
        SipAuthHeaderParser.AppendQuoted(builder, "realm", Realm);
        SipAuthHeaderParser.AppendQuoted(builder, "nonce", Nonce);
        SipAuthHeaderParser.AppendQuoted(builder, "uri", Uri);
        SipAuthHeaderParser.AppendQuoted(builder, "response", Response);
        SipAuthHeaderParser.AppendToken(builder, "algorithm", SipDigest.AlgorithmName(Algorithm));
        if (Qop is not null)
        {
            // RFC 7616 §3.4: qop and nc are tokens, never quoted (some servers reject quoted ones).
            SipAuthHeaderParser.AppendQuoted(builder, "cnonce", Cnonce ?? "");
            SipAuthHeaderParser.AppendToken(builder, "nc", Nc ?? "00000001");
            SipAuthHeaderParser.AppendToken(builder, "qop", Qop);
        }
        if (Opaque is not null)
        {
            SipAuthHeaderParser.AppendQuoted(builder, "opaque", Opaque);
        }
        return builder.ToString();
    }
}
