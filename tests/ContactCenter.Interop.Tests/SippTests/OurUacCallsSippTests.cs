using ContactCenter.Interop.Tests.Peers;
using ContactCenter.Interop.Tests.Sipp;
using ContactCenter.Interop.Tests.Stacks;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgents;
using ContactCenter.TestSupport;

namespace ContactCenter.Interop.Tests.SippTests;

/// <summary>Our UAC against sipp's built-in UAS scenario (INVITE → 180, 200; ACK; BYE → 200).</summary>
public sealed class OurUacCallsSippTests
{
    private const int Calls = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(SipTransportKind.Udp)]
    [InlineData(SipTransportKind.Tcp)]
    public async Task Each_call_is_answered_acked_and_hung_up_with_200(SipTransportKind transport)
    {
        var ct = TestContext.Current.CancellationToken;
        PeerTools.Sipp();
        await using var uac = InteropStack.Start();
        var port = LoopbackPorts.UdpAndTcp();
        await using var sipp = SippRun.Start("sipp uas", ["-sn", "uas", "-t", transport == SipTransportKind.Tcp ? "t1" : "u1", "-i", "127.0.0.1", "-p", $"{port}", "-m", $"{Calls}"], TimeSpan.FromSeconds(40));
        var destination = new SipEndPoint(transport, "127.0.0.1", port);
        var uri = new SipUri(SipUriScheme.Sip, "service", "127.0.0.1", port);
        uri = transport == SipTransportKind.Tcp ? uri.WithParameter("transport", "tcp") : uri;
        var offerSession = SdpOfferAnswer.CreateOffer(new SdpLocalAudio { Address = "127.0.0.1", Port = 40010, SessionId = "11", SessionVersion = "1" });
        var offer = offerSession.ToBytes();

        // sipp binds its port a moment after it starts; a TCP connection attempt before that would be refused.
        await Conditions.WaitAsync(
            () => sipp.Process.HasExited || (transport == SipTransportKind.Tcp ? ListeningSockets.IsTcpListening(port) : ListeningSockets.IsUdpBound(port)),
            TimeSpan.FromSeconds(10), $"sipp uas binds {destination}", () => sipp.Diagnostics, ct);
        Assert.False(sipp.Process.HasExited, $"sipp uas exited at start\n{sipp.Diagnostics}");

        for (var i = 0; i < Calls; i++)
        {
            var call = uac.UserAgent.Invite(uri, destination, offer);
            string Context(string phase) => $"call {i + 1}/{Calls} {call.CallId}: {phase} (sipp uas on {destination}, pid {sipp.Process.Id})\n{sipp.Diagnostics}\n{uac.Diagnostics}";

            var answer = await Conditions.WithinAsync(call.Answered, TimeSpan.FromSeconds(20), "the 200 to our INVITE", () => Context("answer"), ct);
            Assert.True(answer.StatusCode == 200, Context($"final response {answer.StatusCode}, 200 expected"));
            Assert.True(call.State == SipCallState.Established, Context($"state {call.State} after the 200"));
            Assert.True(SdpParser.TryParse(answer.Body.Span, out var sdp, out var error), Context($"sipp's SDP answer: {error}"));
            Assert.True(SdpOfferAnswer.ProcessAnswer(offerSession, sdp) is not null, Context("sipp's SDP answer accepts our audio"));

            var bye = await Conditions.WithinAsync(call.HangUpAsync(), Patience, "the 200 to our BYE", () => Context("hang-up"), ct);
            Assert.True(bye.StatusCode == 200, Context($"BYE got {bye.StatusCode}"));
            Assert.Equal(SipCallEndReason.LocalHangUp, await Conditions.WithinAsync(call.Ended, Patience, "call ended", () => Context("end"), ct));
        }

        // sipp's built-in UAS keeps each call 4 s after the BYE (to answer a resent BYE), then exits.
        var exit = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.True(exit == 0, $"sipp uas exit {exit?.ToString() ?? "none: killed"}, 0 expected after {Calls} calls\n{sipp.Diagnostics}\n{uac.Diagnostics}");
        Assert.True(sipp.Statistics is { Successful: Calls, Failed: 0, StrayMessages: 0 }, $"sipp uas statistics\n{sipp.Diagnostics}\n{uac.Diagnostics}");
        Assert.Equal(0, uac.Counters.MalformedMessages);
    }
}
