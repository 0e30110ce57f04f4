using System.Globalization;
using System.Security.Cryptography;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Authentication;

/// <summary>The client side of SIP digest authentication for one account (RFC 3261 §22.2–§22.3, RFC 7616 §3.4,
/// RFC 8760 §2.4): answers a 401/407 by adding Authorization (or Proxy-Authorization) to the retried request,
/// preferring SHA-256 over MD5, with qop=auth, a fresh cnonce and a counted nc per nonce. The password is only ever
/// hashed. Thread-safe.</summary>
public sealed class SipDigestClient
{
    private readonly Lock _lock = new();
    private readonly string _password;
    private string? _nonce;
    private long _nonceCount;
    private (SipDigestChallenge Challenge, bool Proxy)? _last;

    /// <summary>Creates the client for <paramref name="username"/>.</summary>
    public SipDigestClient(string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(password);
        Username = username;
        _password = password;
    }

    /// <summary>The user name.</summary>
    public string Username { get; }

    /// <summary>Picks the challenge to answer from a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate): SHA-256
    /// before MD5, unknown algorithms skipped; null when none is usable.</summary>
    public static SipDigestChallenge? SelectChallenge(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response.StatusCode == 407 ? SipHeaderNames.ProxyAuthenticate : SipHeaderNames.WwwAuthenticate;
        SipDigestChallenge? best = null;
        foreach (var value in response.Headers.GetValues(header))
        {
            if (SipDigestChallenge.TryParse(value, out var challenge) && (best is null || (best.Algorithm == SipDigestAlgorithm.Md5 && challenge.Algorithm == SipDigestAlgorithm.Sha256)))
            {
                best = challenge;
            }
        }
        return best;
    }

    /// <summary>Adds credentials answering <paramref name="challengeResponse"/> to <paramref name="request"/> (the
    /// retry, already with its new CSeq), replacing earlier ones of the same header; false when the response carries
    /// no usable challenge.</summary>
    public bool TryAuthorize(SipRequest request, SipResponse challengeResponse)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (SelectChallenge(challengeResponse) is not { } challenge)
        {
            return false;
        }
        var proxy = challengeResponse.StatusCode == 407;
        lock (_lock)
        {
            _last = (challenge, proxy);
        }
        Authorize(request, challenge, proxy);
        return true;
    }

    /// <summary>Adds credentials for the last challenge answered, with the next nonce count (RFC 7616 §3.4: a nonce
    /// may serve several requests), saving a round trip on refreshes; false when there was none. A server that no
    /// longer takes the nonce answers 401 (stale) and <see cref="TryAuthorize"/> takes over.</summary>
    public bool TryAuthorizePreemptively(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        (SipDigestChallenge Challenge, bool Proxy)? last;
        lock (_lock)
        {
            last = _last;
        }
        if (last is not { } known || !known.Challenge.OffersAuth)
        {
            return false;
        }
        Authorize(request, known.Challenge, known.Proxy);
        return true;
    }

    /// <summary>The credentials answering <paramref name="challenge"/> for a request; <paramref name="cnonce"/> is
    /// random unless given (known-answer tests).</summary>
    public SipDigestCredentials Answer(SipDigestChallenge challenge, string method, string uri, string? cnonce = null)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var ha1 = SipDigest.ComputeHa1(challenge.Algorithm, Username, challenge.Realm, _password);
        if (!challenge.OffersAuth)
        {
            var legacy = SipDigest.ComputeResponse(challenge.Algorithm, ha1, challenge.Nonce, null, null, null, method, uri);
            return new SipDigestCredentials(Username, challenge.Realm, challenge.Nonce, uri, legacy, challenge.Algorithm, null, null, null, challenge.Opaque);
        }
        cnonce ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var nc = NextCount(challenge.Nonce).ToString("x8", CultureInfo.InvariantCulture);
        var response = SipDigest.ComputeResponse(challenge.Algorithm, ha1, challenge.Nonce, nc, cnonce, "auth", method, uri);
        return new SipDigestCredentials(Username, challenge.Realm, challenge.Nonce, uri, response, challenge.Algorithm, "auth", cnonce, nc, challenge.Opaque);
    }

    private void Authorize(SipRequest request, SipDigestChallenge challenge, bool proxy) =>
        request.Headers.Set(proxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization,
            Answer(challenge, request.Method, request.RequestUri.ToString()).ToString());

    /// <summary>Never the password.</summary>
    public override string ToString() => $"SipDigestClient({Username})";

    private long NextCount(string nonce)
    {
        lock (_lock)
        {
            if (!string.Equals(_nonce, nonce, StringComparison.Ordinal))
            {
                _nonce = nonce;
                _nonceCount = 0;
            }
            return ++_nonceCount;
        }
    }
}
