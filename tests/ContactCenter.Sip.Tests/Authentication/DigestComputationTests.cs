using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Authentication;

/// <summary>Known-answer tests from the RFCs, and the header grammar of challenges and credentials.</summary>
public sealed class DigestComputationTests
{
    // RFC 7616 §3.9.1: the same GET answered with MD5 and with SHA-256.
    private const string Realm7616 = "http-auth@example.org";
    private const string Nonce7616 = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Cnonce7616 = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private const string Opaque7616 = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";

    [Theory]
    [InlineData(SipDigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(SipDigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Rfc7616_example_responses(SipDigestAlgorithm algorithm, string expected)
    {
        var ha1 = SipDigest.ComputeHa1(algorithm, "Mufasa", Realm7616, "Circle of Life");

        var response = SipDigest.ComputeResponse(algorithm, ha1, Nonce7616, "00000001", Cnonce7616, "auth", "GET", "/dir/index.html");

        Assert.Equal(expected, response);
    }

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void The_client_answers_the_rfc7616_challenge_with_the_rfc_response(string algorithm, string expected)
    {
        var header = $"Digest realm=\"{Realm7616}\", qop=\"auth, auth-int\", algorithm={algorithm}, nonce=\"{Nonce7616}\", opaque=\"{Opaque7616}\"";
        Assert.True(SipDigestChallenge.TryParse(header, out var challenge));

        var credentials = new SipDigestClient("Mufasa", "Circle of Life").Answer(challenge, "GET", "/dir/index.html", Cnonce7616);

        Assert.Equal(expected, credentials.Response);
        Assert.Equal("00000001", credentials.Nc);
        Assert.Equal("auth", credentials.Qop);
        Assert.Equal(Opaque7616, credentials.Opaque);
        Assert.Contains("nc=00000001, qop=auth", credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rfc2617_example_response()
    {
        // RFC 2617 §3.5 (MD5 with qop=auth).
        var ha1 = SipDigest.ComputeHa1(SipDigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life");

        var response = SipDigest.ComputeResponse(SipDigestAlgorithm.Md5, ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth", "GET", "/dir/index.html");

        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Fact]
    public void Credentials_round_trip_through_their_header_text()
    {
        var credentials = new SipDigestCredentials("al\"ice", "r\\ealm", "n1", "sip:example.com", "abc", SipDigestAlgorithm.Sha256, "auth", "c1", "0000000a", "op");

        Assert.True(SipDigestCredentials.TryParse(credentials.ToString(), out var parsed));

        Assert.Equal(credentials, parsed);
        Assert.Equal(10, parsed.NonceCount);
    }

    [Theory]
    [InlineData("Basic realm=\"x\"")]
    [InlineData("Digest realm=\"x\"")]
    [InlineData("Digest realm=\"x\", nonce=\"n\", algorithm=SHA-512-256")]
    [InlineData("Digest realm=\"x\", nonce=\"n\", nonce=\"m\"")]
    [InlineData("Digest realm=\"unterminated, nonce=\"n\"")]
    public void Unusable_challenges_do_not_parse(string header) => Assert.False(SipDigestChallenge.TryParse(header, out _));

    [Fact]
    public void The_client_prefers_SHA256_whatever_the_order_and_skips_unknown_algorithms()
    {
        var response = new SipResponse(401);
        response.Headers.Add("WWW-Authenticate", "Digest realm=\"r\", nonce=\"a\", algorithm=SHA-512-256, qop=\"auth\"");
        response.Headers.Add("WWW-Authenticate", "Digest realm=\"r\", nonce=\"b\", algorithm=MD5, qop=\"auth\"");
        response.Headers.Add("WWW-Authenticate", "Digest realm=\"r\", nonce=\"c\", algorithm=SHA-256, qop=\"auth\"");

        var challenge = SipDigestClient.SelectChallenge(response);

        Assert.Equal(SipDigestAlgorithm.Sha256, challenge!.Algorithm);
        Assert.Equal("c", challenge.Nonce);
    }

    [Fact]
    public void Nonce_count_rises_per_nonce_and_restarts_for_a_new_one()
    {
        var client = new SipDigestClient("alice", "secret");
        var first = new SipDigestChallenge("r", "n1", SipDigestAlgorithm.Md5);

        Assert.Equal("00000001", client.Answer(first, "REGISTER", "sip:r").Nc);
        Assert.Equal("00000002", client.Answer(first, "REGISTER", "sip:r").Nc);
        Assert.Equal("00000001", client.Answer(first with { Nonce = "n2" }, "REGISTER", "sip:r").Nc);
    }

    [Fact]
    public void Secrets_never_show_in_text()
    {
        Assert.DoesNotContain("hunter2", SipCredential.FromPassword("hunter2").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", new SipDigestClient("alice", "hunter2").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("abcdef", SipCredential.FromHashes("abcdef", null).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_HA1_equals_the_one_from_the_password()
    {
        var ha1 = SipDigest.ComputeHa1(SipDigestAlgorithm.Sha256, "alice", "cc", "secret");

        Assert.Equal(ha1, SipCredential.FromHashes(null, ha1.ToUpperInvariant()).GetHa1(SipDigestAlgorithm.Sha256, "alice", "cc"));
        Assert.Null(SipCredential.FromHashes(null, ha1).GetHa1(SipDigestAlgorithm.Md5, "alice", "cc"));
        Assert.Equal(ha1, SipCredential.FromPassword("secret").GetHa1(SipDigestAlgorithm.Sha256, "alice", "cc"));
    }
}
