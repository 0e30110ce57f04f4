using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip.Authentication;

/// <summary>The server side of SIP digest authentication (RFC 3261 §22.4, RFC 7616, RFC 8760): challenges with the
/// configured algorithms (<see cref="SipAuthenticationOptions.Algorithms"/>; by default two WWW-Authenticate headers,
/// SHA-256 first, then MD5; qop=auth), verifies Authorization headers against an <see cref="ISipCredentialStore"/>, and
/// challenges again an answer in an algorithm it did not offer. Nonces are stateless-verifiable
/// (<see cref="SipNonces"/>); nonce counts are checked for replay. The responses its outcomes call for: no or
/// foreign-realm credentials, a nonce we did not issue, a replayed nonce count → 401 with a fresh challenge; a right
/// answer on an expired nonce → 401 with stale=true; a wrong password or unknown user → 403 (RFC 3261 §21.4.4: a new
/// challenge would not help, and phones would loop on it); malformed credentials or a digest-uri other than the
/// Request-URI → 400. Thread-safe.</summary>
public sealed partial class SipDigestAuthenticator
{
    private readonly ISipCredentialStore _credentials;
    private readonly SipDigestAlgorithm[] _offered;
    private readonly SipNonces _nonces;
    private readonly ILogger _logger;

    /// <summary>Creates an authenticator for <see cref="SipAuthenticationOptions.Realm"/>.</summary>
    public SipDigestAuthenticator(ISipCredentialStore credentials, TimeProvider time, ILogger<SipDigestAuthenticator> logger, SipAuthenticationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        options ??= new SipAuthenticationOptions();
        options.Validate();
        _credentials = credentials;
        _logger = logger;
        Realm = options.Realm;
        _offered = [.. options.Algorithms];
        _nonces = new SipNonces(Realm, options.NonceLifetime, time);
    }

    /// <summary>Our realm.</summary>
    public string Realm { get; }

    /// <summary>Nonces holding a replay window (what <see cref="SweepNonces"/> bounds).</summary>
    public int TrackedNonceCount => _nonces.TrackedCount;

    /// <summary>A 401 for <paramref name="request"/> with a fresh nonce in a challenge per configured algorithm (by default
    /// SHA-256, then MD5).</summary>
    public SipResponse CreateChallenge(SipRequest request, bool stale = false)
    {
        var response = SipResponseFactory.CreateResponse(request, 401);
        var nonce = _nonces.Issue();
        foreach (var algorithm in _offered)
        {
            response.Headers.Add(SipHeaderNames.WwwAuthenticate, new SipDigestChallenge(Realm, nonce, algorithm, "auth", Stale: stale).ToString());
        }
        return response;
    }

    /// <summary>Checks the Authorization of <paramref name="request"/> for our realm. Order matters: the digest is
    /// verified before the nonce's age and count are judged, so stale=true is only said to whoever knows the password
    /// (RFC 7616 §3.3) and garbage cannot burn nonce counts.</summary>
    public async ValueTask<SipAuthenticationResult> AuthenticateAsync(SipRequest request, SipEndPoint source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SipDigestCredentials? credentials = null;
        foreach (var value in request.Headers.GetValues(SipHeaderNames.Authorization))
        {
            if (!SipDigestCredentials.TryParse(value, out var parsed))
            {
                return SipAuthenticationResult.Bad("Malformed Authorization");
            }
            if (parsed.Realm == Realm)
            {
                credentials = parsed;
                break;
            }
        }
        if (credentials is null)
        {
            return SipAuthenticationResult.Challenge("no credentials for our realm");
        }
        if (Array.IndexOf(_offered, credentials.Algorithm) < 0)
        {
            // An algorithm we do not offer (MD5 switched off, say) must not authenticate; RFC 8760 §2.5.
            return SipAuthenticationResult.Challenge($"algorithm {SipDigest.AlgorithmName(credentials.Algorithm)} not offered");
        }
        var nonceStatus = _nonces.Check(credentials.Nonce);
        if (nonceStatus == SipNonceStatus.Invalid)
        {
            LogUnknownNonce(_logger, credentials.Username, source);
            return SipAuthenticationResult.Challenge("unknown nonce");
        }
        if (!MatchesRequestUri(credentials.Uri, request.RequestUri))
        {
            return SipAuthenticationResult.Bad("Authorization uri does not match the Request-URI");
        }
        if (!string.Equals(credentials.Qop, "auth", StringComparison.OrdinalIgnoreCase) || credentials.Cnonce is null || credentials.NonceCount is not { } count)
        {
            // We offer qop=auth only; a client answering without it (RFC 2069) gets no replay protection.
            return SipAuthenticationResult.Bad("Authorization needs qop=auth with cnonce and nc");
        }
        var credential = await _credentials.FindAsync(Realm, credentials.Username, cancellationToken).ConfigureAwait(false);
        var ha1 = credential?.GetHa1(credentials.Algorithm, credentials.Username, Realm);
        if (credential is not null && ha1 is null)
        {
            return SipAuthenticationResult.Challenge($"no {SipDigest.AlgorithmName(credentials.Algorithm)} hash stored for the user");
        }
        // An unknown user costs the same work as a known one, so timing does not tell which user names exist.
        var expected = SipDigest.ComputeResponse(credentials.Algorithm, ha1 ?? SipDigest.Hash(credentials.Algorithm, credentials.Nonce),
            credentials.Nonce, credentials.Nc, credentials.Cnonce, credentials.Qop, request.Method, credentials.Uri);
        if (!SipDigest.DigestsEqual(expected, credentials.Response) || credential is null)
        {
            LogWrongCredentials(_logger, credentials.Username, source);
            return new SipAuthenticationResult(SipAuthenticationOutcome.Forbidden, Reason: "wrong credentials");
        }
        if (nonceStatus == SipNonceStatus.Stale)
        {
            return SipAuthenticationResult.Challenge("stale nonce", stale: true);
        }
        if (!_nonces.TryUse(credentials.Nonce, count))
        {
            LogReplay(_logger, credentials.Username, count, source);
            return SipAuthenticationResult.Challenge("nonce count already used");
        }
        return new SipAuthenticationResult(SipAuthenticationOutcome.Authenticated, credentials.Username);
    }

    /// <summary>Forgets the nonce-count windows of stale nonces; returns how many.</summary>
    public int SweepNonces() => _nonces.Sweep();

    private static bool MatchesRequestUri(string digestUri, SipUri requestUri) =>
        string.Equals(digestUri, requestUri.ToString(), StringComparison.Ordinal)
        || (SipUri.TryParse(digestUri, out var parsed) && parsed.IsEquivalentTo(requestUri));

    [LoggerMessage(5040, LogLevel.Warning, "SIP auth: wrong credentials for user {Username} from {Source}")]
    private static partial void LogWrongCredentials(ILogger logger, string username, SipEndPoint source);

    [LoggerMessage(5041, LogLevel.Warning, "SIP auth: replayed nonce count {Count} for user {Username} from {Source}")]
    private static partial void LogReplay(ILogger logger, string username, long count, SipEndPoint source);

    [LoggerMessage(5042, LogLevel.Information, "SIP auth: a nonce we did not issue (or from before a restart) from user {Username} at {Source}; challenging again")]
    private static partial void LogUnknownNonce(ILogger logger, string username, SipEndPoint source);
}
