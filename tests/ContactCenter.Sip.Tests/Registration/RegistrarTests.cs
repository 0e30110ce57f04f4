using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Registration;

namespace ContactCenter.Sip.Tests.Registration;

/// <summary>The registrar (RFC 3261 §10.3) behind the UA core, on a fake clock.</summary>
public sealed class RegistrarTests : IDisposable
{
    private const string Phone1 = "<sip:alice@192.0.2.20:5060>";
    private const string Phone2 = "<sip:alice@192.0.2.21:5062;transport=tcp>";

    private readonly RegistrarHarness _open = new(authenticate: false);

    public void Dispose() => _open.Dispose();

    [Fact]
    public void Register_binds_the_contact_to_the_canonical_aor_and_lists_it_with_its_expiry()
    {
        var response = _open.Send(RegistrarHarness.Register(expires: "600", contacts: Phone1));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("<sip:alice@192.0.2.20:5060>;expires=600", Assert.Single(response.Headers.GetValues("Contact")));
        Assert.NotNull(response.Headers.Get("Date"));
        var binding = Assert.Single(_open.Bindings());
        Assert.Equal("sip:alice@example.com", binding.AddressOfRecord);
        Assert.Equal("reg-1", binding.CallId);
        Assert.Equal(RegistrarHarness.Phone, binding.Source);
    }

    [Fact]
    public void Contact_expires_beats_the_Expires_header_the_default_applies_without_either_and_the_maximum_caps()
    {
        var response = _open.Send(RegistrarHarness.Register(expires: "120", contacts: [Phone1 + ";expires=300", Phone2]));
        var capped = _open.Send(RegistrarHarness.Register(cseq: 2, contacts: Phone2 + ";expires=86400"));
        var defaulted = _open.Send(RegistrarHarness.Register(callId: "bob-1", user: "bob", contacts: "<sip:bob@192.0.2.30>"));

        Assert.Equal(["<sip:alice@192.0.2.20:5060>;expires=300", "<sip:alice@192.0.2.21:5062;transport=tcp>;expires=120"], response.Headers.GetValues("Contact"));
        Assert.Contains("<sip:alice@192.0.2.21:5062;transport=tcp>;expires=3600", capped.Headers.GetValues("Contact"));
        Assert.Equal("<sip:bob@192.0.2.30>;expires=3600", Assert.Single(defaulted.Headers.GetValues("Contact")));
    }

    [Fact]
    public void A_refresh_extends_the_binding_and_remaining_expiry_counts_down()
    {
        _open.Send(RegistrarHarness.Register(expires: "600", contacts: Phone1));
        _open.Time.Advance(TimeSpan.FromSeconds(100.5));

        var fetch = _open.Send(RegistrarHarness.Register(callId: "other", cseq: 9));
        Assert.Equal("<sip:alice@192.0.2.20:5060>;expires=500", Assert.Single(fetch.Headers.GetValues("Contact")));

        var refresh = _open.Send(RegistrarHarness.Register(cseq: 2, expires: "600", contacts: Phone1));

        Assert.Equal("<sip:alice@192.0.2.20:5060>;expires=600", Assert.Single(refresh.Headers.GetValues("Contact")));
        Assert.Equal(2, Assert.Single(_open.Bindings()).CSeq);
    }

    [Fact]
    public void Bindings_expire_on_the_clock_and_are_swept_from_the_store()
    {
        _open.Send(RegistrarHarness.Register(expires: "60", contacts: Phone1));
        _open.Send(RegistrarHarness.Register(callId: "reg-2", expires: "600", contacts: Phone2));

        _open.Time.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(Phone2, Assert.Single(_open.Bindings()).Contact.ToString());
        Assert.Equal(1, _open.Store.Count);
        _open.Time.Advance(TimeSpan.FromSeconds(600));
        Assert.Empty(_open.Bindings());
        Assert.Equal(0, _open.Store.Count);
        Assert.Empty(_open.Send(RegistrarHarness.Register(callId: "x")).Headers.GetValues("Contact"));
    }

    [Fact]
    public void Expires_zero_removes_one_contact_and_the_wildcard_removes_all()
    {
        _open.Send(RegistrarHarness.Register(contacts: [Phone1, Phone2]));

        var one = _open.Send(RegistrarHarness.Register(cseq: 2, contacts: Phone1 + ";expires=0"));
        Assert.Equal(Phone2, Assert.Single(_open.Bindings()).Contact.ToString());
        Assert.Single(one.Headers.GetValues("Contact"));

        var all = _open.Send(RegistrarHarness.Register(cseq: 3, expires: "0", contacts: "*"));

        Assert.Equal(200, all.StatusCode);
        Assert.Empty(all.Headers.GetValues("Contact"));
        Assert.Empty(_open.Bindings());
    }

    [Theory]
    [InlineData(null, new[] { "*" })]
    [InlineData("60", new[] { "*" })]
    [InlineData("0", new[] { "*", Phone1 })]
    public void A_wildcard_needs_Expires_zero_and_no_other_contact(string? expires, string[] contacts)
    {
        _open.Send(RegistrarHarness.Register(contacts: Phone1));

        var response = _open.Send(RegistrarHarness.Register(cseq: 2, expires: expires, contacts: contacts));

        Assert.Equal(400, response.StatusCode);
        Assert.Single(_open.Bindings());
    }

    [Fact]
    public void A_too_brief_expiry_gets_423_with_Min_Expires_and_changes_nothing()
    {
        var response = _open.Send(RegistrarHarness.Register(expires: "30", contacts: [Phone2 + ";expires=600", Phone1]));

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.Headers.Get("Min-Expires"));
        Assert.Empty(_open.Bindings());
    }

    [Fact]
    public void An_out_of_order_CSeq_in_the_same_Call_ID_fails_while_another_Call_ID_may_take_over()
    {
        _open.Send(RegistrarHarness.Register(cseq: 5, expires: "600", contacts: Phone1));

        var stale = _open.Send(RegistrarHarness.Register(cseq: 4, expires: "0", contacts: [Phone2, Phone1]));
        // Past the first transaction's lifetime, so the transaction layer does not take the repeat for a merged request.
        _open.Time.Advance(TimeSpan.FromSeconds(40));
        var sameCSeq = _open.Send(RegistrarHarness.Register(cseq: 5, expires: "0", contacts: "*"));

        Assert.Equal(400, stale.StatusCode);
        Assert.Equal(400, sameCSeq.StatusCode);
        Assert.Equal(5, Assert.Single(_open.Bindings()).CSeq);

        var rebooted = _open.Send(RegistrarHarness.Register(callId: "after-reboot", cseq: 1, expires: "900", contacts: Phone1));

        Assert.Equal(200, rebooted.StatusCode);
        Assert.Equal("after-reboot", Assert.Single(_open.Bindings()).CallId);
    }

    [Fact]
    public void A_to_uri_that_is_not_a_user_at_a_sip_domain_gets_404()
    {
        var request = RegistrarHarness.Register(contacts: Phone1);
        request.Headers.Set("To", "<tel:+15551234>");

        Assert.Equal(404, _open.Send(request).StatusCode);
    }

    [Fact]
    public void Options_lists_REGISTER_in_Allow_when_a_registrar_is_plugged_in()
    {
        var options = Transactions.TransactionHarness.Request(SipMethods.Options);

        _open.Agent.Transactions.Receive(options, RegistrarHarness.Phone);

        Assert.Equal("INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, REFER, NOTIFY, REGISTER", Assert.Single(_open.Transport.Responses(200)).Headers.Get("Allow"));
    }

    [Fact]
    public void More_contacts_than_allowed_get_403_but_refreshing_existing_ones_still_works()
    {
        using var limited = new RegistrarHarness(authenticate: false, new SipRegistrarOptions { MaxBindingsPerAddressOfRecord = 2 });
        limited.Send(RegistrarHarness.Register(contacts: [Phone1, Phone2]));

        var third = limited.Send(RegistrarHarness.Register(cseq: 2, contacts: "<sip:alice@192.0.2.99>"));
        var refresh = limited.Send(RegistrarHarness.Register(cseq: 3, contacts: [Phone1, Phone2]));

        Assert.Equal(403, third.StatusCode);
        Assert.Equal(200, refresh.StatusCode);
        Assert.Equal(2, limited.Bindings().Count);
    }

    [Fact]
    public void A_failing_store_gets_500()
    {
        using var broken = new RegistrarHarness(authenticate: false, store: new FailingStore());

        Assert.Equal(500, broken.Send(RegistrarHarness.Register(contacts: Phone1)).StatusCode);
    }

    [Fact]
    public void Digest_challenge_then_answer_registers()
    {
        using var secured = new RegistrarHarness();
        var first = secured.Send(RegistrarHarness.Register(callId: "unauthenticated", contacts: Phone1));
        Assert.Equal(401, first.StatusCode);
        Assert.Equal(2, first.Headers.GetValues("WWW-Authenticate").Count);
        Assert.Empty(secured.Bindings());

        var (response, sent) = secured.SendAuthenticated(RegistrarHarness.Register(contacts: Phone1), new SipDigestClient("alice", "secret"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, sent.CSeq!.Number);
        Assert.Contains("algorithm=SHA-256", sent.Headers.Get("Authorization"), StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(secured.Bindings()).CSeq);
    }

    [Fact]
    public void A_wrong_password_gets_403()
    {
        using var secured = new RegistrarHarness();

        var (response, _) = secured.SendAuthenticated(RegistrarHarness.Register(contacts: Phone1), new SipDigestClient("alice", "guess"));

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(secured.Bindings());
    }

    [Fact]
    public void An_authenticated_user_may_not_register_someone_else()
    {
        using var secured = new RegistrarHarness();

        var (response, _) = secured.SendAuthenticated(RegistrarHarness.Register(user: "alice", contacts: Phone1), new SipDigestClient("bob", "bobpw"));

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(secured.Bindings());
    }

    [Fact]
    public void A_stale_nonce_gets_401_with_stale_true_and_a_replayed_nonce_count_a_fresh_challenge()
    {
        using var secured = new RegistrarHarness();
        var client = new SipDigestClient("alice", "secret");
        var (_, registered) = secured.SendAuthenticated(RegistrarHarness.Register(contacts: Phone1), client);

        // The same Authorization again (a captured request replayed with a new branch and CSeq).
        var replay = SipRequestFactory.CreateRetry(registered);
        var replayed = secured.Send(replay);
        Assert.Equal(401, replayed.StatusCode);
        Assert.DoesNotContain("stale", replayed.Headers.Get("WWW-Authenticate"), StringComparison.Ordinal);

        var refresh = SipRequestFactory.CreateRetry(replay);
        Assert.True(client.TryAuthorize(refresh, replayed));
        secured.Time.Advance(TimeSpan.FromMinutes(6));
        var stale = secured.Send(refresh);

        Assert.Equal(401, stale.StatusCode);
        Assert.Contains("stale=true", stale.Headers.Get("WWW-Authenticate"), StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(secured.Bindings()).CSeq);
    }

    private sealed class FailingStore : ISipBindingStore
    {
        public ValueTask<SipBindingSet> GetAsync(string addressOfRecord, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<SipBindingSet>(new InvalidOperationException("database down"));

        public ValueTask<bool> TryReplaceAsync(string addressOfRecord, long expectedVersion, IReadOnlyList<SipBinding> bindings, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(false);

        public ValueTask<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => ValueTask.FromResult(0);
    }
}
