using ContactCenter.Contracts.Calls;
using ContactCenter.Interop.Tests.Peers;

namespace ContactCenter.Interop.Tests.SippFrontEnd;

/// <summary>sipp callers in the demo's IVR (number 100: 1 sales, 2 support) choose with an RFC 4733 key played from the
/// sip-tester pcaps (samples/sipp/caller-ivr.xml), and the front end's digit collection routes each call to the queue of
/// its choice.</summary>
public sealed class SippIvrRoutingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(45);

    // The key goes 4 s after the answer: after the 2.5 s welcome, while the menu collects (its prompt lasts 4.1 s, then it
    // waits 5 s for a key). A key before the menu collects is lost.
    private static readonly TimeSpan KeyAfter = TimeSpan.FromSeconds(4);

    // Longer than the test: the callers stay on the line until the node hangs up on disposal.
    private static readonly TimeSpan OnTheLine = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task A_key_pressed_in_the_demo_ivr_sends_the_call_to_the_queue_of_that_choice()
    {
        var ct = TestContext.Current.CancellationToken;
        PeerTools.Sipp();
        await using var site = await SippSite.StartAsync(30000);
        await using var support = SippCaller.Ivr(site.SipPort, "100", "ivr-key-2", site.NextMediaPort(), "2", KeyAfter, OnTheLine);
        await using var sales = SippCaller.Ivr(site.SipPort, "100", "ivr-key-1", site.NextMediaPort(), "1", KeyAfter, OnTheLine);
        string Peers() => $"{support.Diagnostics}\n{sales.Diagnostics}";

        var supportCall = await site.CallOfAsync(support.SipCallId, Wait, Peers, ct);
        var salesCall = await site.CallOfAsync(sales.SipCallId, Wait, Peers, ct);

        // The demo's agents are logged out: each call waits in the queue it was sent to.
        await site.WaitAsync(async () => await site.Call(supportCall).GetStatusAsync() is { Phase: CallPhase.Queued, QueueId: "support" },
            Wait, $"call {supportCall} (key 2) queued in support", Peers, ct);
        await site.WaitAsync(async () => await site.Call(salesCall).GetStatusAsync() is { Phase: CallPhase.Queued, QueueId: "sales" },
            Wait, $"call {salesCall} (key 1) queued in sales", Peers, ct);
        // The menu's choice is on the call as the tree's attribute, and the IVR heard one key per call.
        Assert.Equal("support", (await site.Call(supportCall).GetStatusAsync()).Attributes["problem"]);
        Assert.Equal("sales", (await site.Call(salesCall).GetStatusAsync()).Attributes["problem"]);
        Assert.True(support.Answered && sales.Answered && !support.HungUp && !sales.HungUp, Peers());
    }
}
