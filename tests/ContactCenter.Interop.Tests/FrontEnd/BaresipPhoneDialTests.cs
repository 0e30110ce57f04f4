using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Interop.Tests.Baresip;
using ContactCenter.Interop.Tests.Peers;
using ContactCenter.TestSupport;
using static ContactCenter.Interop.Tests.FrontEnd.FrontEndScenario;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>A real softphone dials out (issue 7): baresip registers as an agent, dials an external number, answers the
/// front end's digest challenge to its INVITE, and talks through the outbound trunk to a <see cref="MediaPeer"/>
/// carrier; the carrier hangs up and baresip's call closes. RTP ports 42300–42599.</summary>
public sealed class BaresipPhoneDialTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Baresip_dials_an_external_number_through_the_outbound_trunk()
    {
        var cancellation = TestContext.Current.CancellationToken;
        PeerTools.Baresip();
        await using var node = await FrontEndNode.StartAsync("42300-42399");
        await using var carrier = MediaPeer.Start(42400, CallParties.Caller.Frequency, rtpPorts: 100);
        const string agentId = "baresip-dial-agent";
        const string user = "baresip-dial-phone";
        await AddCarrierAsync(node, carrier, cancellation);
        await node.Documents.CreateAsync(PhoneProfile(agentId, user), cancellation);
        var domain = $"127.0.0.1:{node.SipPort}";
        await using var phone = await BaresipInstance.StartAsync($"<sip:{user}@{domain}>;auth_pass={Password};regint=300;audio_codecs=PCMU,PCMA", null,
            CallParties.Agent.Frequency, record: false, rtpPorts: "42500-42599", cancellation);
        string Diagnostics() => $"phone: {phone.Diagnostics}\ncarrier: {carrier.Log.Tail()}";
        await Eventually.TrueAsync(
            async () => phone.Control.HasEvent("REGISTER_FAIL") || await node.Bindings.FindLatestAsync(user, DateTimeOffset.UtcNow, cancellation) is not null,
            Patience, $"{user} registered or refused");
        Assert.False(phone.Control.HasEvent("REGISTER_FAIL"), Diagnostics());
        Assert.True((await node.Grains.GetGrain<IAgentGrain>(agentId).LogInAsync()).Succeeded);

        var (dialled, data) = await phone.Control.SendAsync("dial", $"sip:5550150@{domain}", Patience, cancellation);
        Assert.True(dialled, $"dial refused: {data}\n{Diagnostics()}");
        await Conditions.WaitAsync(() => phone.Control.HasEvent("CALL_ESTABLISHED") && !carrier.Calls.IsEmpty, Patience,
            "baresip's call to the number is established", Diagnostics, cancellation);

        Assert.True(carrier.InvitesReceived.TryPeek(out var invite));
        Assert.Equal("5550150", invite.RequestUri.User);
        var callId = node.Calls.FindCallId(phone.Control.CallIdOf("CALL_ESTABLISHED") ?? "");
        Assert.True(callId is not null, Diagnostics());
        var status = await node.Grains.GetGrain<ICallGrain>(callId).GetStatusAsync();
        Assert.Equal((CallPhase.Connected, CallDirection.Outbound, agentId), (status.Phase, status.Direction, status.AgentId));
        var carrierLeg = carrier.Calls.Keys.Single();
        var heard = carrier.PacketsReceived(carrierLeg);
        await Conditions.WaitAsync(() => carrier.PacketsReceived(carrierLeg) > heard + 50, Patience, $"call {callId}: the phone's RTP reaches the carrier",
            Diagnostics, cancellation);

        await carrier.Calls[carrierLeg].HangUpAsync();
        await Conditions.WaitAsync(() => phone.Control.HasEvent("CALL_CLOSED"), Patience, $"call {callId}: baresip's call closes", Diagnostics, cancellation);
        await Conditions.WaitAsync(() => node.Calls.CallCount == 0, Patience, $"call {callId}: the front end let the call go", Diagnostics, cancellation);
        await phone.QuitAsync(Patience, cancellation);
    }
}
