using ContactCenter.Interop.Tests.Peers;
using ContactCenter.Interop.Tests.Sipp;
using ContactCenter.Interop.Tests.Stacks;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgents;
using ContactCenter.TestSupport;

namespace ContactCenter.Interop.Tests.SippTests;

/// <summary>sipp's built-in UAC scenario (INVITE, 100/180/200, ACK, BYE) against a UAS built on our stack.</summary>
public sealed class SippCallsOurUasTests
{
    private const int Calls = 1_000;

    [Fact]
    public async Task Sipp_uac_places_1000_calls_at_50_per_second_and_none_fails()
    {
        var ct = TestContext.Current.CancellationToken;
        PeerTools.Sipp();
        await using var uas = InteropStack.Start();
        var target = $"{uas.Udp.Host}:{uas.Udp.Port}";
        await using var sipp = SippRun.Start("sipp uac", ["-sn", "uac", target, "-i", "127.0.0.1", "-p", $"{LoopbackPorts.UdpAndTcp()}", "-r", "50", "-m", $"{Calls}"], TimeSpan.FromSeconds(70));

        var exit = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(80), ct);

        string Context(string phase) => $"{phase} (UAS {target}, sipp pid {sipp.Process.Id}, exit {exit?.ToString() ?? "none: killed"})\n{sipp.Diagnostics}\n{uas.Diagnostics}";
        Assert.True(exit == 0, Context("sipp run: exit code 0 expected"));
        var statistics = sipp.Statistics;
        Assert.True(statistics is { Created: Calls, Successful: Calls, Failed: 0 }, Context("sipp statistics"));
        await Conditions.WaitAsync(() => uas.Handler.Ended >= Calls, TimeSpan.FromSeconds(20), $"our UAS sees {Calls} calls ended", () => Context("UAS call ends"), ct);
        Assert.True(uas.Handler.Incoming == Calls && uas.Handler.Answered == Calls && uas.Handler.Established == Calls, Context("UAS answered and established every call"));
        Assert.True(uas.Handler.EndedWith(SipCallEndReason.RemoteHangUp) == Calls, Context("UAS: every call ended by sipp's BYE"));
        Assert.True(uas.Counters.MalformedMessages == 0, Context("UAS parsed every message"));
    }

    [Fact]
    public async Task Sipp_uac_over_one_TCP_connection_places_200_calls_and_none_fails()
    {
        const int TcpCalls = 200;
        var ct = TestContext.Current.CancellationToken;
        PeerTools.Sipp();
        await using var uas = InteropStack.Start();
        var tcp = uas.Stack.LocalEndPoint(SipTransportKind.Tcp);
        var target = $"{tcp.Host}:{tcp.Port}";
        await using var sipp = SippRun.Start("sipp uac tcp", ["-sn", "uac", target, "-t", "t1", "-i", "127.0.0.1", "-p", $"{LoopbackPorts.UdpAndTcp()}", "-r", "100", "-m", $"{TcpCalls}"], TimeSpan.FromSeconds(30));

        var exit = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(40), ct);

        string Context(string phase) => $"{phase} (UAS tcp {target}, sipp pid {sipp.Process.Id}, exit {exit?.ToString() ?? "none: killed"})\n{sipp.Diagnostics}\n{uas.Diagnostics}";
        Assert.True(exit == 0 && sipp.Statistics is { Successful: TcpCalls, Failed: 0 }, Context("sipp run over TCP"));
        await Conditions.WaitAsync(() => uas.Handler.Ended >= TcpCalls, TimeSpan.FromSeconds(10), $"our UAS sees {TcpCalls} calls ended", () => Context("UAS call ends"), ct);
        Assert.True(uas.Handler.EndedWith(SipCallEndReason.RemoteHangUp) == TcpCalls && uas.Counters.MalformedMessages == 0, Context("UAS: every call ended by BYE, no malformed message"));
    }
}
