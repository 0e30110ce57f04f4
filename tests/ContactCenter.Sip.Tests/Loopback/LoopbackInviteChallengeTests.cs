using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgents;
using ContactCenter.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Sip.Tests.Loopback;

/// <summary>A UAS challenges an INVITE (RFC 3261 §22.2: 401 with WWW-Authenticate) and the UAC's retry with credentials
/// (same Call-ID, CSeq + 1) authenticates, over real loopback sockets.</summary>
public sealed class LoopbackInviteChallengeTests
{
    private static readonly TimeSpan Patience = LoopbackStacks.Patience;

    [Fact]
    public async Task A_challenged_INVITE_is_retried_with_credentials_that_authenticate()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        stacks.CalleeHandler.Answer = false;
        var store = new InMemorySipCredentialStore();
        store.Set("cc", "alice", SipCredential.FromPassword("secret"));
        var authenticator = new SipDigestAuthenticator(store, stacks.Time, NullLogger<SipDigestAuthenticator>.Instance,
            new SipAuthenticationOptions { Realm = "cc" });
        var (destination, uri) = stacks.Target(SipTransportKind.Udp);
        var invite = stacks.Caller.UserAgent.CreateRequest(SipMethods.Invite, uri);
        invite.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
        invite.Body = TestCallHandler.Offer();

        var call = stacks.Caller.UserAgent.SendInvite(invite, destination);
        var incoming = await stacks.CalleeHandler.FirstCall.Task.WaitAsync(Patience, ct);
        Assert.True(incoming.Challenge(authenticator));
        var challenge = await call.Answered.WaitAsync(Patience, ct);

        Assert.Equal(401, challenge.StatusCode);
        Assert.NotEmpty(challenge.Headers.GetValues(SipHeaderNames.WwwAuthenticate));
        Assert.Equal(SipCallEndReason.Rejected, await incoming.Ended.WaitAsync(Patience, ct));
        Assert.False(incoming.Accept(TestCallHandler.Offer()));
        var retry = SipRequestFactory.CreateRetry(invite);
        Assert.True(new SipDigestClient("alice", "secret").TryAuthorize(retry, challenge));
        var authorized = stacks.Caller.UserAgent.SendInvite(retry, destination);
        await Eventually.TrueAsync(() => stacks.CalleeHandler.Calls.Count == 2, Patience, "the retry arrives");
        var second = stacks.CalleeHandler.Calls.Last();
        Assert.Equal(call.CallId, second.CallId);
        var result = await authenticator.AuthenticateAsync(second.Invite, second.Peer, ct);
        Assert.Equal((SipAuthenticationOutcome.Authenticated, "alice"), (result.Outcome, result.Username));
        Assert.True(second.Reject(486));
        Assert.Equal(486, (await authorized.Answered.WaitAsync(Patience, ct)).StatusCode);
    }
}
