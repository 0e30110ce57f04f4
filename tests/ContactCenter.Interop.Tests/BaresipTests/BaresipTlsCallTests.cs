using ContactCenter.Interop.Tests.Baresip;
using ContactCenter.Interop.Tests.Peers;
using ContactCenter.Interop.Tests.Stacks;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Interop.Tests.BaresipTests;

/// <summary>A call over TLS (our TLS transport, a self-signed certificate made by the test) between baresip and a UAS
/// of ours. sipp 3.6.1 as packaged by Debian has no TLS transport (<c>-t</c> offers u1/un/ui/t1/tn/s1/sn/c1/cn), so the
/// real peer here is baresip.</summary>
public sealed class BaresipTlsCallTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Baresip_calls_us_over_TLS_we_answer_and_hang_up_with_a_BYE_over_TLS()
    {
        var ct = TestContext.Current.CancellationToken;
        PeerTools.Baresip();
        await using var uas = InteropStack.Start(tls: true);
        var tls = uas.Tls;
        await using var baresip = await BaresipInstance.StartAsync("<sip:bob@127.0.0.1;transport=tls>;regint=0;answermode=manual;audio_codecs=PCMU,PCMA", uas.Certificate, ct);
        string Context(string phase) => $"{phase} (UAS {tls}, baresip pid {baresip.Process.Id} on {baresip.SipPort})\n{baresip.Diagnostics}\n{uas.Diagnostics}";

        var (dialed, dialData) = await baresip.Control.SendAsync("dial", $"sip:ivr@{tls.Host}:{tls.Port};transport=tls", Patience, ct);
        Assert.True(dialed, Context($"dial refused by baresip: {dialData}"));
        await Conditions.WaitAsync(() => baresip.Control.HasEvent("CALL_ESTABLISHED") && uas.Handler.Established == 1, Patience, "the TLS call is established on both sides", () => Context("call"), ct);
        Assert.True(uas.Stack.Transport.ConnectionCount >= 1, Context("call: a TLS connection is open"));
        Assert.True(uas.Handler.EstablishedCalls.TryPeek(out var call), Context("call: our established call"));
        Assert.Equal(Sip.Transactions.SipTransportKind.Tls, call.Peer.Transport);

        var bye = await Conditions.WithinAsync(call.HangUpAsync(), Patience, "baresip's 200 to our BYE over TLS", () => Context("hang-up"), ct);
        Assert.True(bye.StatusCode == 200, Context($"hang-up: BYE got {bye.StatusCode}"));
        await Conditions.WaitAsync(() => baresip.Control.HasEvent("CALL_CLOSED") && uas.Handler.Ended == 1, Patience, "the call ends on both sides", () => Context("end"), ct);
        Assert.True(uas.Handler.EndedWith(SipCallEndReason.LocalHangUp) == 1 && uas.Counters.MalformedMessages == 0, Context("end: ended by our BYE, no malformed message"));

        var exit = await baresip.QuitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.True(exit == 0, Context($"quit: baresip exit {exit?.ToString() ?? "none: killed"}"));
    }
}
