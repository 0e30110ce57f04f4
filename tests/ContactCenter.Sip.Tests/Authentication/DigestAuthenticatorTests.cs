using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Sip.Tests.Authentication;

/// <summary>The server side of digest authentication on a fake clock.</summary>
public sealed class DigestAuthenticatorTests
{
    private static readonly SipEndPoint Source = new(SipTransportKind.Udp, "192.0.2.20", 5060);

    private readonly FakeTimeProvider _time = new();
    private readonly InMemorySipCredentialStore _store = new();
    private readonly SipDigestAuthenticator _authenticator;

    public DigestAuthenticatorTests()
    {
        _store.Set("cc", "alice", SipCredential.FromPassword("secret"));
        _store.Set("cc", "bob", SipCredential.FromHashes(SipDigest.ComputeHa1(SipDigestAlgorithm.Md5, "bob", "cc", "pw"), null));
        _authenticator = new SipDigestAuthenticator(_store, _time, NullLogger<SipDigestAuthenticator>.Instance,
            new SipAuthenticationOptions { Realm = "cc", NonceLifetime = TimeSpan.FromMinutes(5) });
    }

    [Fact]
    public async Task No_credentials_get_a_challenge_with_SHA256_first_then_MD5()
    {
        var request = Register();

        var result = await Authenticate(request);
        var challenge = _authenticator.CreateChallenge(request);

        Assert.Equal(SipAuthenticationOutcome.Challenge, result.Outcome);
        Assert.Equal(401, challenge.StatusCode);
        var headers = challenge.Headers.GetValues("WWW-Authenticate");
        Assert.Equal(2, headers.Count);
        Assert.StartsWith("Digest realm=\"cc\", nonce=\"", headers[0], StringComparison.Ordinal);
        Assert.Contains("algorithm=SHA-256, qop=\"auth\"", headers[0], StringComparison.Ordinal);
        Assert.Contains("algorithm=MD5, qop=\"auth\"", headers[1], StringComparison.Ordinal);
        Assert.DoesNotContain("stale", headers[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SipDigestAlgorithm.Sha256)]
    [InlineData(SipDigestAlgorithm.Md5)]
    public async Task A_right_answer_authenticates_with_either_algorithm(SipDigestAlgorithm algorithm)
    {
        var request = Answered(new SipDigestClient("alice", "secret"), algorithm);

        var result = await Authenticate(request);

        Assert.Equal(SipAuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Equal("alice", result.Username);
    }

    [Fact]
    public async Task A_stored_HA1_authenticates_and_the_missing_algorithm_is_challenged_again()
    {
        Assert.Equal(SipAuthenticationOutcome.Authenticated, (await Authenticate(Answered(new SipDigestClient("bob", "pw"), SipDigestAlgorithm.Md5))).Outcome);
        Assert.Equal(SipAuthenticationOutcome.Challenge, (await Authenticate(Answered(new SipDigestClient("bob", "pw"), SipDigestAlgorithm.Sha256))).Outcome);
    }

    [Theory]
    [InlineData("alice", "wrong")]
    [InlineData("mallory", "secret")]
    public async Task A_wrong_password_or_unknown_user_is_forbidden(string user, string password)
    {
        var result = await Authenticate(Answered(new SipDigestClient(user, password), SipDigestAlgorithm.Sha256));

        Assert.Equal(SipAuthenticationOutcome.Forbidden, result.Outcome);
    }

    [Fact]
    public async Task An_expired_nonce_with_the_right_password_is_stale_and_with_a_wrong_one_forbidden()
    {
        var challenge = Challenge(SipDigestAlgorithm.Sha256);
        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var right = await Authenticate(Answer(new SipDigestClient("alice", "secret"), challenge));
        var wrong = await Authenticate(Answer(new SipDigestClient("alice", "nope"), challenge));

        Assert.Equal(SipAuthenticationOutcome.Challenge, right.Outcome);
        Assert.True(right.Stale);
        Assert.Contains("stale=true", _authenticator.CreateChallenge(Register(), right.Stale).Headers.Get("WWW-Authenticate"), StringComparison.Ordinal);
        Assert.Equal(SipAuthenticationOutcome.Forbidden, wrong.Outcome);
    }

    [Fact]
    public async Task A_repeated_nonce_count_is_refused_but_a_reordered_one_passes()
    {
        var challenge = Challenge(SipDigestAlgorithm.Sha256);
        var client = new SipDigestClient("alice", "secret");
        var first = Answer(client, challenge);
        var second = Answer(client, challenge);

        Assert.Equal(SipAuthenticationOutcome.Authenticated, (await Authenticate(second)).Outcome);
        Assert.Equal(SipAuthenticationOutcome.Authenticated, (await Authenticate(first)).Outcome);
        var replay = await Authenticate(first);

        Assert.Equal(SipAuthenticationOutcome.Challenge, replay.Outcome);
        Assert.False(replay.Stale);
        Assert.Equal(1, _authenticator.TrackedNonceCount);
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, _authenticator.SweepNonces());
    }

    [Fact]
    public async Task A_nonce_we_did_not_issue_is_challenged_again_not_stale()
    {
        var challenge = Challenge(SipDigestAlgorithm.Sha256);
        var forged = challenge with { Nonce = challenge.Nonce[..^2] + (challenge.Nonce[^2] == 'A' ? "BA" : "AA") };

        var result = await Authenticate(Answer(new SipDigestClient("alice", "secret"), forged));

        Assert.Equal(SipAuthenticationOutcome.Challenge, result.Outcome);
        Assert.False(result.Stale);
    }

    [Fact]
    public async Task A_digest_uri_other_than_the_request_uri_is_a_bad_request()
    {
        var request = Register();
        var credentials = new SipDigestClient("alice", "secret").Answer(Challenge(SipDigestAlgorithm.Sha256), "REGISTER", "sip:other.example.com");
        request.Headers.Add("Authorization", credentials.ToString());

        Assert.Equal(SipAuthenticationOutcome.BadRequest, (await Authenticate(request)).Outcome);
    }

    [Fact]
    public async Task An_answer_without_qop_is_a_bad_request_and_credentials_for_another_realm_get_a_challenge()
    {
        var legacy = Answer(new SipDigestClient("alice", "secret"), Challenge(SipDigestAlgorithm.Md5) with { Qop = null });
        var elsewhere = Answer(new SipDigestClient("alice", "secret"), Challenge(SipDigestAlgorithm.Md5) with { Realm = "other" });

        Assert.Equal(SipAuthenticationOutcome.BadRequest, (await Authenticate(legacy)).Outcome);
        Assert.Equal(SipAuthenticationOutcome.Challenge, (await Authenticate(elsewhere)).Outcome);
    }

    [Fact]
    public void With_MD5_alone_configured_the_challenge_carries_only_an_MD5_one()
    {
        // Regression (baresip 1.0.0 / libre 1.x interop): those phones fail REGISTER with ENOSYS when a 401 carries any
        // non-MD5 challenge, so a deployment with such phones must be able to offer MD5 alone.
        var md5Only = new SipDigestAuthenticator(_store, _time, NullLogger<SipDigestAuthenticator>.Instance,
            new SipAuthenticationOptions { Realm = "cc", Algorithms = [SipDigestAlgorithm.Md5] });

        var header = Assert.Single(md5Only.CreateChallenge(Register()).Headers.GetValues("WWW-Authenticate"));

        Assert.Contains("algorithm=MD5, qop=\"auth\"", header, StringComparison.Ordinal);
        Assert.DoesNotContain("SHA-256", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_in_an_algorithm_not_offered_is_challenged_again()
    {
        var sha256Only = new SipDigestAuthenticator(_store, _time, NullLogger<SipDigestAuthenticator>.Instance,
            new SipAuthenticationOptions { Realm = "cc", Algorithms = [SipDigestAlgorithm.Sha256] });
        var challenge = SipDigestClient.SelectChallenge(sha256Only.CreateChallenge(Register()))!;
        var ct = TestContext.Current.CancellationToken;

        var md5 = await sha256Only.AuthenticateAsync(Answer(new SipDigestClient("alice", "secret"), challenge with { Algorithm = SipDigestAlgorithm.Md5 }), Source, ct);
        var sha256 = await sha256Only.AuthenticateAsync(Answer(new SipDigestClient("alice", "secret"), challenge), Source, ct);

        Assert.Equal(SipAuthenticationOutcome.Challenge, md5.Outcome);
        Assert.Equal(SipAuthenticationOutcome.Authenticated, sha256.Outcome);
    }

    [Fact]
    public void No_algorithm_or_a_repeated_one_is_refused_at_start()
    {
        Assert.Throws<ArgumentException>(() => new SipAuthenticationOptions { Algorithms = [] }.Validate());
        Assert.Throws<ArgumentException>(() => new SipAuthenticationOptions { Algorithms = [SipDigestAlgorithm.Md5, SipDigestAlgorithm.Md5] }.Validate());
    }

    private static SipRequest Register()
    {
        var request = new SipRequest(SipMethods.Register, SipUri.Parse("sip:example.com"));
        request.Headers.Add("To", "<sip:alice@example.com>");
        request.Headers.Add("From", "<sip:alice@example.com>;tag=1");
        request.Headers.Add("Call-ID", "c1");
        request.Headers.Add("CSeq", "1 REGISTER");
        return request;
    }

    private SipDigestChallenge Challenge(SipDigestAlgorithm algorithm)
    {
        var preferred = SipDigestClient.SelectChallenge(_authenticator.CreateChallenge(Register()))!;
        Assert.Equal(SipDigestAlgorithm.Sha256, preferred.Algorithm);
        return preferred with { Algorithm = algorithm };
    }

    private static SipRequest Answer(SipDigestClient client, SipDigestChallenge challenge)
    {
        var request = Register();
        request.Headers.Add("Authorization", client.Answer(challenge, request.Method, request.RequestUri.ToString()).ToString());
        return request;
    }

    private SipRequest Answered(SipDigestClient client, SipDigestAlgorithm algorithm) => Answer(client, Challenge(algorithm));

    private ValueTask<SipAuthenticationResult> Authenticate(SipRequest request) =>
        _authenticator.AuthenticateAsync(request, Source, TestContext.Current.CancellationToken);
}
