using ContactCenter.Contracts.Calls;
using ContactCenter.Interop.Tests.Peers;

namespace ContactCenter.Interop.Tests.SippFrontEnd;

/// <summary>The queue's wrap-up time holds the agent: a second sipp caller waits while the agent talks to the first and
/// through the wrap-up after it, and the agent's sipp phone (samples/sipp/agent-answer.xml) is rung for it only once
/// the wrap-up is over — read from the calls' journal (the first call's wrap-up end, the second call's ring), not from
/// a clock in the test.</summary>
public sealed class SippWrapUpTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan WrapUp = TimeSpan.FromSeconds(2);

    // Longer than the test: the callers stay on the line until they are hung up on.
    private static readonly TimeSpan OnTheLine = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_next_call_rings_at_the_agent_only_once_its_wrap_up_after_the_last_one_is_over()
    {
        var ct = TestContext.Current.CancellationToken;
        PeerTools.Sipp();
        await using var site = await SippSite.StartAsync(32400);
        await site.AddQueueAsync("wrapping", "7600", ringTimeout: TimeSpan.FromMinutes(1), wrapUpTime: WrapUp, ct);
        await site.AddAgentAsync("wrapper", "wrapping", ct);
        await using var phone = SippPhone.Answering(site.SipPort, "wrapper", SippSite.PasswordOf("wrapper"), site.NextMediaPort(), TimeSpan.Zero);
        string Peers() => phone.Diagnostics;
        await site.WaitAsync(() => Task.FromResult(phone.Registered), Wait, "the phone registers", Peers, ct);
        Assert.True((await site.Agent("wrapper").LogInAsync()).Succeeded);

        await using var first = SippCaller.Queue(site.SipPort, "7600", "wrap-first", site.NextMediaPort(), OnTheLine);
        var firstCall = await site.CallOfAsync(first.SipCallId, Wait, Peers, ct);
        await site.WaitAsync(async () => await site.Call(firstCall).GetStatusAsync() is { Phase: CallPhase.Connected, AgentId: "wrapper" },
            Wait, $"first call {firstCall} connected", Peers, ct);
        // The second caller waits: the agent's one voice slot is taken.
        await using var second = SippCaller.Queue(site.SipPort, "7600", "wrap-second", site.NextMediaPort(), OnTheLine);
        string All() => $"{phone.Diagnostics}\n{first.Diagnostics}\n{second.Diagnostics}";
        var secondCall = await site.CallOfAsync(second.SipCallId, Wait, All, ct);
        await site.WaitAsync(async () => (await site.Call(secondCall).GetStatusAsync()).Phase == CallPhase.Queued, Wait, $"second call {secondCall} queued", All, ct);

        // The agent hangs up from the workspace: both legs get a BYE, the wrap-up starts.
        Assert.True((await site.Call(firstCall).HangUpAsync("wrapper")).Succeeded);
        await site.WaitAsync(async () => await site.Call(secondCall).GetStatusAsync() is { Phase: CallPhase.Connected, AgentId: "wrapper" },
            Wait, $"second call {secondCall} connected with the agent after its wrap-up", All, ct);

        var wrapUpUntil = await site.WrapUpUntilAsync(firstCall);
        var rings = await site.EventsAsync(secondCall, "AgentRingStarted");
        var journal = $"wrap-up of {firstCall} until {wrapUpUntil:O}; rings of {secondCall}: {string.Join(", ", rings.Select(r => $"{r.AgentId} at {r.At:O}"))}\n{All()}";
        Assert.True(wrapUpUntil is not null && rings.Count == 1 && rings[0].At >= wrapUpUntil, journal);
        await site.WaitAsync(() => Task.FromResult(phone.Offers == 2 && phone.Answered == 2 && phone.HungUpByFrontEnd == 1 && first.HungUp), Wait,
            "the phone answered both calls and was hung up on after the first", All, ct);
    }
}
