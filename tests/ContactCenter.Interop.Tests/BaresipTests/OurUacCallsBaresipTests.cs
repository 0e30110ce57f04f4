using ContactCenter.Interop.Tests.Baresip;
using ContactCenter.Interop.Tests.Peers;
using ContactCenter.Interop.Tests.Stacks;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Interop.Tests.BaresipTests;

/// <summary>Our UAC calls baresip (auto-answer): baresip must parse our INVITE and SDP offer, answer, take our ACK,
/// and our BYE.</summary>
public sealed class OurUacCallsBaresipTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Baresip_answers_our_call_and_takes_our_ACK_and_BYE()
    {
        var ct = TestContext.Current.CancellationToken;
        PeerTools.Baresip();
        await using var uac = InteropStack.Start();
        await using var baresip = await BaresipInstance.StartAsync("<sip:bob@127.0.0.1>;regint=0;answermode=auto;audio_codecs=PCMU,PCMA", null, ct);
        var destination = new SipEndPoint(SipTransportKind.Udp, "127.0.0.1", baresip.SipPort);
        await Conditions.WaitAsync(() => ListeningSockets.IsUdpBound(baresip.SipPort), Patience, $"baresip binds {destination}", () => baresip.Diagnostics, ct);
        var offer = SdpOfferAnswer.CreateOffer(new SdpLocalAudio { Address = "127.0.0.1", Port = 40020, SessionId = "21", SessionVersion = "1" });

        var call = uac.UserAgent.Invite(new SipUri(SipUriScheme.Sip, "bob", "127.0.0.1", baresip.SipPort), destination, offer.ToBytes());
        string Context(string phase) => $"{phase} (call {call.CallId} to baresip pid {baresip.Process.Id} on {destination})\n{baresip.Diagnostics}\n{uac.Diagnostics}";

        var answer = await Conditions.WithinAsync(call.Answered, Patience, "baresip's final response to our INVITE", () => Context("answer"), ct);
        Assert.True(answer.StatusCode == 200, Context($"answer: {answer.StatusCode}, 200 expected"));
        Assert.True(SdpParser.TryParse(answer.Body.Span, out var sdp, out var error) && SdpOfferAnswer.ProcessAnswer(offer, sdp) is not null, Context($"answer: baresip's SDP {error}"));
        await Conditions.WaitAsync(() => baresip.Control.HasEvent("CALL_ESTABLISHED"), Patience, "baresip sees the call established (our ACK)", () => Context("ACK"), ct);

        var bye = await Conditions.WithinAsync(call.HangUpAsync(), Patience, "baresip's 200 to our BYE", () => Context("hang-up"), ct);
        Assert.True(bye.StatusCode == 200, Context($"hang-up: BYE got {bye.StatusCode}"));
        await Conditions.WaitAsync(() => baresip.Control.HasEvent("CALL_CLOSED"), Patience, "baresip sees the call closed", () => Context("end"), ct);
        Assert.Equal(SipCallEndReason.LocalHangUp, await call.Ended.WaitAsync(Patience, ct));
        Assert.True(uac.Counters.MalformedMessages == 0, Context("our UAC parsed every message"));

        var exit = await baresip.QuitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.True(exit == 0, Context($"quit: baresip exit {exit?.ToString() ?? "none: killed"}"));
    }
}
