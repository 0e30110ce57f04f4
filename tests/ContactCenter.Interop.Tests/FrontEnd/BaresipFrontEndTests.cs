using ContactCenter.Contracts.Agents;
using ContactCenter.Interop.Tests.Baresip;
using ContactCenter.Interop.Tests.Peers;
using ContactCenter.TestSupport;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>The README's demo with a real softphone: baresip registers as the demo's agent1 (digest auth against the
/// sample profile's hashes), a second baresip calls the demo number 200, and agent1's phone rings and answers.</summary>
public sealed class BaresipFrontEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Baresip_registers_as_a_demo_agent_and_takes_a_call_to_the_demo_queue_number()
    {
        var cancellation = TestContext.Current.CancellationToken;
        PeerTools.Baresip();
        await using var node = await FrontEndNode.StartAsync("24600-24799");
        var domain = $"127.0.0.1:{node.SipPort}";
        await using var agentPhone = await BaresipInstance.StartAsync(
            $"<sip:agent1@{domain}>;auth_pass=agent1-phone;regint=300;answermode=auto;audio_codecs=PCMU,PCMA", null, cancellation);
        await using var caller = await BaresipInstance.StartAsync($"<sip:caller@{domain}>;regint=0;audio_codecs=PCMU,PCMA", null, cancellation);
        string Context(string phase) => $"{phase}\nagent phone: {agentPhone.Diagnostics}\ncaller: {caller.Diagnostics}";

        // The phone registers as it starts, possibly before the control connection can hear it: the front end's binding
        // is what tells.
        await Eventually.TrueAsync(
            async () => agentPhone.Control.HasEvent("REGISTER_FAIL") || await node.Bindings.FindLatestAsync("agent1", DateTimeOffset.UtcNow, cancellation) is not null,
            Patience, "agent1's phone registered or refused");
        Assert.False(agentPhone.Control.HasEvent("REGISTER_FAIL"), Context("register"));
        Assert.True((await node.Grains.GetGrain<IAgentGrain>("agent1").LogInAsync()).Succeeded);

        var (dialed, data) = await caller.Control.SendAsync("dial", $"sip:200@{domain}", Patience, cancellation);
        Assert.True(dialed, Context($"dial refused: {data}"));
        await Conditions.WaitAsync(
            () => agentPhone.Control.HasEvent("CALL_ESTABLISHED") && caller.Control.HasEvent("CALL_ESTABLISHED"),
            Patience, "the caller and agent1's phone both in the call", () => Context("call"), cancellation);

        var (hungUp, hangupData) = await caller.Control.SendAsync("hangup", null, Patience, cancellation);
        Assert.True(hungUp, Context($"hangup refused: {hangupData}"));
        await Conditions.WaitAsync(() => agentPhone.Control.HasEvent("CALL_CLOSED"), Patience, "agent1's phone hung up by the front end", () => Context("hang-up"), cancellation);
    }
}
