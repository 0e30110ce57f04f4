using ContactCenter.Interop.Tests.Peers;
using ContactCenter.Interop.Tests.Sipp;
using ContactCenter.Interop.Tests.Stacks;
using ContactCenter.Sip.UserAgents;
using ContactCenter.TestSupport;

namespace ContactCenter.Interop.Tests.SippTests;

/// <summary>sipp cancels ringing calls (Scenarios/uac-cancel.xml) at a UAS of ours that rings without answering.</summary>
public sealed class SippCancelTests
{
    private const int Calls = 10;

    [Fact]
    public async Task A_cancelled_invite_gets_200_for_the_cancel_and_487_for_the_invite()
    {
        var ct = TestContext.Current.CancellationToken;
        PeerTools.Sipp();
        await using var uas = InteropStack.Start();
        uas.Handler.Answer = false;
        var target = $"{uas.Udp.Host}:{uas.Udp.Port}";
        await using var sipp = SippRun.Start("sipp uac-cancel", ["-sf", SippRun.Scenario("uac-cancel.xml"), target, "-i", "127.0.0.1", "-p", $"{LoopbackPorts.UdpAndTcp()}", "-r", "10", "-m", $"{Calls}"], TimeSpan.FromSeconds(30));

        var exit = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(40), ct);

        string Context(string phase) => $"{phase} (UAS {target}, sipp pid {sipp.Process.Id}, exit {exit?.ToString() ?? "none: killed"})\n{sipp.Diagnostics}\n{uas.Diagnostics}";
        Assert.True(exit == 0, Context("sipp run: exit code 0 expected"));
        // No stray messages: a 487 resent after sipp's ACK would mean our INVITE server transaction missed the ACK
        // (the run lasts a second, longer than the first retransmission interval).
        Assert.True(sipp.Statistics is { Successful: Calls, Failed: 0, StrayMessages: 0 }, Context("sipp statistics"));
        Assert.True(sipp.LogLines.Count(l => l.Contains("487 for", StringComparison.Ordinal)) == Calls, Context("a 487 logged per call"));
        await Conditions.WaitAsync(() => uas.Handler.Ended >= Calls, TimeSpan.FromSeconds(10), $"our UAS sees {Calls} calls ended", () => Context("UAS call ends"), ct);
        Assert.True(uas.Handler.EndedWith(SipCallEndReason.Cancelled) == Calls && uas.Handler.Answered == 0, Context("UAS: every call cancelled, none answered"));
        Assert.True(uas.UserAgent.IncomingCallCount == 0 && uas.Counters.MalformedMessages == 0, Context("UAS: no call left open, no malformed message"));
    }
}
