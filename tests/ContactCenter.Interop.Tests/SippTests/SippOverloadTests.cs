using ContactCenter.Interop.Tests.Peers;
using ContactCenter.Interop.Tests.Sipp;
using ContactCenter.Interop.Tests.Stacks;
using ContactCenter.Sip.UserAgents;
using ContactCenter.TestSupport;

namespace ContactCenter.Interop.Tests.SippTests;

/// <summary>sipp calls faster than a UAS of ours with a low concurrent-call limit admits
/// (<see cref="SipUserAgentOptions.MaxConcurrentIncomingCalls"/>): the excess gets 503 with Retry-After, and the UAS
/// serves normally once the burst is over.</summary>
public sealed class SippOverloadTests
{
    private const int Limit = 3;
    private const int BurstCalls = 40;
    private const int LaterCalls = 5;

    [Fact]
    public async Task Excess_invites_get_503_with_Retry_After_and_the_stack_keeps_serving()
    {
        var ct = TestContext.Current.CancellationToken;
        PeerTools.Sipp();
        await using var uas = InteropStack.Start(new SipUserAgentOptions { MaxConcurrentIncomingCalls = Limit, OverloadRetryAfter = TimeSpan.FromSeconds(7) });
        uas.Handler.Answer = false;
        var target = $"{uas.Udp.Host}:{uas.Udp.Port}";

        await using (var burst = SippRun.Start("sipp uac-overload", ["-sf", SippRun.Scenario("uac-overload.xml"), target, "-i", "127.0.0.1", "-p", $"{LoopbackPorts.UdpAndTcp()}", "-r", "200", "-m", $"{BurstCalls}"], TimeSpan.FromSeconds(30)))
        {
            var exit = await burst.WaitForExitAsync(TimeSpan.FromSeconds(40), ct);
            string Context(string phase) => $"burst: {phase} (UAS {target}, limit {Limit}, sipp pid {burst.Process.Id}, exit {exit?.ToString() ?? "none: killed"})\n{burst.Diagnostics}\n{uas.Diagnostics}";
            Assert.True(exit == 0, Context("sipp run: every call either rang and was cancelled or got 503 with Retry-After"));
            var refused = burst.LogLines.Where(l => l.StartsWith("503 for", StringComparison.Ordinal)).ToList();
            var admitted = burst.LogLines.Count(l => l.StartsWith("487 for", StringComparison.Ordinal));
            Assert.True(refused.Count > 0, Context("at least one 503"));
            Assert.True(refused.All(l => l.EndsWith("Retry-After 7", StringComparison.Ordinal)), Context("every 503 carried Retry-After: 7"));
            Assert.True(refused.Count + admitted == BurstCalls && admitted >= Limit, Context($"{refused.Count} refused + {admitted} admitted = {BurstCalls}"));
            Assert.True(uas.Counters.OverloadRejections == refused.Count, Context("overload rejections counted by our metrics"));
            await Conditions.WaitAsync(() => uas.UserAgent.IncomingCallCount == 0, TimeSpan.FromSeconds(10), "no incoming call left open after the burst", () => Context("drain"), ct);
        }

        uas.Handler.Answer = true;
        var answeredBefore = uas.Handler.Answered;
        await using var later = SippRun.Start("sipp uac after the burst", ["-sn", "uac", target, "-i", "127.0.0.1", "-p", $"{LoopbackPorts.UdpAndTcp()}", "-r", "10", "-m", $"{LaterCalls}"], TimeSpan.FromSeconds(30));
        var laterExit = await later.WaitForExitAsync(TimeSpan.FromSeconds(40), ct);
        Assert.True(laterExit == 0 && later.Statistics is { Successful: LaterCalls, Failed: 0 },
            $"after the burst: sipp uac exit {laterExit}\n{later.Diagnostics}\n{uas.Diagnostics}");
        Assert.Equal(LaterCalls, uas.Handler.Answered - answeredBefore);
    }
}
