using ContactCenter.Contracts.Calls;
using ContactCenter.Interop.Tests.Peers;

namespace ContactCenter.Interop.Tests.SippFrontEnd;

/// <summary>sipp callers hang up before talking to an agent, in each phase of the call (samples/sipp/caller-queue.xml
/// with a short time on the line, caller-cancel.xml), and the call grain records the abandon with that phase (REP-3):
/// in the IVR, waiting in the queue, while an agent's sipp phone rings (which the front end then CANCELs).</summary>
public sealed class SippAbandonTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // Long enough to be past the answer and the routing (milliseconds), short of anything else happening: the demo IVR's
    // welcome alone lasts 2.5 s; the queues have no agent or a phone that never answers; ring timeouts are minutes.
    private static readonly TimeSpan OnTheLine = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_caller_who_hangs_up_in_the_ivr_is_recorded_as_abandoned_in_the_ivr()
    {
        var ct = TestContext.Current.CancellationToken;
        PeerTools.Sipp();
        await using var site = await SippSite.StartAsync(30200);
        await using var caller = SippCaller.Queue(site.SipPort, "100", "abandon-ivr", site.NextMediaPort(), OnTheLine);
        string Peers() => caller.Diagnostics;

        var callId = await site.SingleCallAsync(Wait, Peers, ct);
        await site.WaitAsync(async () => (await site.Call(callId).GetStatusAsync()).Phase == CallPhase.Ended, Wait, $"call {callId} ends", Peers, ct);

        var status = await site.Call(callId).GetStatusAsync();
        Assert.True(status is { AbandonPhase: AbandonPhase.InIvr, EndReason: CallEndReason.Abandoned, QueueId: null }, $"{await site.DescribeCallsAsync()}\n{Peers()}");
        Assert.True(caller.HungUp, Peers());
    }

    [Fact]
    public async Task A_caller_who_hangs_up_while_queued_is_recorded_as_abandoned_in_the_queue()
    {
        var ct = TestContext.Current.CancellationToken;
        PeerTools.Sipp();
        await using var site = await SippSite.StartAsync(30400);
        await site.AddQueueAsync("abandon-queue", "7300", TimeSpan.FromMinutes(5), TimeSpan.Zero, ct);
        await using var caller = SippCaller.Queue(site.SipPort, "7300", "abandon-queue", site.NextMediaPort(), OnTheLine);
        string Peers() => caller.Diagnostics;

        var callId = await site.SingleCallAsync(Wait, Peers, ct);
        await site.WaitAsync(async () => (await site.Call(callId).GetStatusAsync()).Phase == CallPhase.Ended, Wait, $"call {callId} ends", Peers, ct);

        var status = await site.Call(callId).GetStatusAsync();
        Assert.True(status is { AbandonPhase: AbandonPhase.InQueue, EndReason: CallEndReason.Abandoned, QueueId: "abandon-queue", AgentId: null },
            $"{await site.DescribeCallsAsync()}\n{Peers()}");
    }

    [Fact]
    public async Task A_caller_who_hangs_up_while_the_agent_phone_rings_is_recorded_as_abandoned_ringing_and_the_phone_is_cancelled()
    {
        var ct = TestContext.Current.CancellationToken;
        PeerTools.Sipp();
        await using var site = await SippSite.StartAsync(30600);
        await site.AddQueueAsync("abandon-ringing", "7301", TimeSpan.FromMinutes(5), TimeSpan.Zero, ct);
        await site.AddAgentAsync("ringing-agent", "abandon-ringing", ct);
        await using var phone = SippPhone.NeverAnswering(site.SipPort, "ringing-agent", SippSite.PasswordOf("ringing-agent"), site.NextMediaPort());
        string Peers() => phone.Diagnostics;
        await site.WaitAsync(() => Task.FromResult(phone.Registered), Wait, "the phone registers", Peers, ct);
        Assert.True((await site.Agent("ringing-agent").LogInAsync()).Succeeded);

        await using var caller = SippCaller.Queue(site.SipPort, "7301", "abandon-ringing", site.NextMediaPort(), OnTheLine);
        string Both() => $"{phone.Diagnostics}\n{caller.Diagnostics}";
        var callId = await site.SingleCallAsync(Wait, Both, ct);
        await site.WaitAsync(async () => (await site.Call(callId).GetStatusAsync()).Phase == CallPhase.Ended, Wait, $"call {callId} ends", Both, ct);

        var status = await site.Call(callId).GetStatusAsync();
        Assert.True(status is { AbandonPhase: AbandonPhase.RingingAtAgent, EndReason: CallEndReason.Abandoned, QueueId: "abandon-ringing" },
            $"{await site.DescribeCallsAsync()}\n{Both()}");
        // The front end stops ringing the phone (CANCEL; the phone answers 200 and 487), and the agent is free again.
        await site.WaitAsync(() => Task.FromResult(phone.Offers == 1 && phone.Cancelled == 1), Wait, "the phone was rung once and cancelled", Both, ct);
        await site.WaitAsync(async () => (await site.Agent("ringing-agent").GetStatusAsync()).Work.IsEmpty, Wait, "the agent has no work left", Both, ct);
    }
}
