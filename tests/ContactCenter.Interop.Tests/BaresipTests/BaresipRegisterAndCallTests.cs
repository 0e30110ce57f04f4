using ContactCenter.Interop.Tests.Baresip;
using ContactCenter.Interop.Tests.Peers;
using ContactCenter.Interop.Tests.Stacks;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Interop.Tests.BaresipTests;

/// <summary>baresip registers at our registrar with digest authentication (credentials in its in-memory store), then
/// calls a UAS of ours that answers, and hangs up.</summary>
public sealed class BaresipRegisterAndCallTests
{
    private const string User = "alice";
    private const string Password = "interop-Secret-1";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(SipTransportKind.Udp)]
    [InlineData(SipTransportKind.Tcp)]
    public async Task Baresip_registers_with_digest_auth_places_a_call_we_answer_and_hangs_up(SipTransportKind transport)
    {
        var ct = TestContext.Current.CancellationToken;
        PeerTools.Baresip();
        await using var uas = InteropStack.Start(users: new Dictionary<string, string> { [User] = Password });
        var domain = $"127.0.0.1:{uas.Stack.LocalEndPoint(transport).Port}";
        var uriParameters = transport == SipTransportKind.Tcp ? ";transport=tcp" : "";
        await using var baresip = await BaresipInstance.StartAsync($"<sip:{User}@{domain}{uriParameters}>;auth_pass={Password};regint=300;answermode=manual;audio_codecs=PCMU,PCMA", null, ct);
        string Context(string phase) => $"{phase} (registrar/UAS {domain}, baresip pid {baresip.Process.Id} on {baresip.SipPort})\n{baresip.Diagnostics}\n{uas.Diagnostics}";

        // baresip registers as it starts, possibly before our ctrl_tcp connection is up to hear REGISTER_OK: the
        // binding in our registrar is what tells.
        await Conditions.WaitAsync(() => uas.Bindings.Count > 0 || baresip.Control.HasEvent("REGISTER_FAIL"), Patience, "baresip registers", () => Context("register"), ct);
        Assert.False(baresip.Control.HasEvent("REGISTER_FAIL"), Context("register: REGISTER_FAIL"));
        var bindings = await uas.Bindings.GetAsync($"sip:{User}@{domain}", TimeProvider.System.GetUtcNow(), ct);
        var binding = Assert.Single(bindings.Bindings);
        Assert.True(binding.Contact.Uri.Port == baresip.SipPort && binding.Contact.Uri.Host == "127.0.0.1", Context($"register: binding {binding.Contact} should name baresip's port {baresip.SipPort}"));
        Assert.True(binding.Source?.Transport == transport, Context($"register: binding source {binding.Source}"));

        var (dialed, dialData) = await baresip.Control.SendAsync("dial", $"sip:ivr@{domain}{uriParameters}", Patience, ct);
        Assert.True(dialed, Context($"dial refused by baresip: {dialData}"));
        await Conditions.WaitAsync(() => baresip.Control.HasEvent("CALL_ESTABLISHED") && uas.Handler.Established == 1, Patience, "the call is established on both sides", () => Context("call"), ct);
        Assert.False(baresip.Control.HasEvent("CALL_CLOSED"), Context("call: closed right after it was established"));

        var (hungUp, hangupData) = await baresip.Control.SendAsync("hangup", null, Patience, ct);
        Assert.True(hungUp, Context($"hangup refused by baresip: {hangupData}"));
        await Conditions.WaitAsync(() => baresip.Control.HasEvent("CALL_CLOSED") && uas.Handler.Ended == 1, Patience, "the call ends on both sides", () => Context("hang-up"), ct);
        Assert.True(uas.Handler.EndedWith(SipCallEndReason.RemoteHangUp) == 1, Context("hang-up: our UAS saw baresip's BYE"));
        Assert.True(uas.Counters.MalformedMessages == 0, Context("UAS parsed every message"));

        var exit = await baresip.QuitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.True(exit == 0, Context($"quit: baresip exit {exit?.ToString() ?? "none: killed"}"));
    }
}
