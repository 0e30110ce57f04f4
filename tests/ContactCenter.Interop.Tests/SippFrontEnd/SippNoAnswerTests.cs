using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Interop.Tests.Peers;

namespace ContactCenter.Interop.Tests.SippFrontEnd;

/// <summary>Agents' sipp phones that ring and are never picked up (samples/sipp/agent-no-answer.xml): when the queue's
/// ring timeout passes, the front end CANCELs the phone and the call is offered to another agent, whose phone answers
/// (agent-answer.xml); and an agent who misses as many offers as its no-answer policy allows is paused with the policy's
/// reason.</summary>
public sealed class SippNoAnswerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // Longer than the test: the caller waits until the node hangs up on disposal.
    private static readonly TimeSpan OnTheLine = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task A_phone_that_rings_out_is_cancelled_and_the_call_is_offered_to_another_agent_who_answers()
    {
        var ct = TestContext.Current.CancellationToken;
        PeerTools.Sipp();
        await using var site = await SippSite.StartAsync(32000);
        await site.AddQueueAsync("reoffer", "7400", ringTimeout: TimeSpan.FromSeconds(2), wrapUpTime: TimeSpan.Zero, ct);
        await site.AddAgentAsync("reoffer-missing", "reoffer", ct);
        await site.AddAgentAsync("reoffer-taking", "reoffer", ct);
        await using var missing = SippPhone.NeverAnswering(site.SipPort, "reoffer-missing", SippSite.PasswordOf("reoffer-missing"), site.NextMediaPort());
        await using var taking = SippPhone.Answering(site.SipPort, "reoffer-taking", SippSite.PasswordOf("reoffer-taking"), site.NextMediaPort(), TimeSpan.Zero);
        await using var caller = SippCaller.Queue(site.SipPort, "7400", "reoffer", site.NextMediaPort(), OnTheLine);
        string Peers() => $"{missing.Diagnostics}\n{taking.Diagnostics}\n{caller.Diagnostics}";
        await site.WaitAsync(() => Task.FromResult(missing.Registered && taking.Registered), Wait, "both phones register", Peers, ct);

        // Only the agent whose phone does not answer is logged in when the call comes: the first offer is its own.
        Assert.True((await site.Agent("reoffer-missing").LogInAsync()).Succeeded);
        var callId = await site.SingleCallAsync(Wait, Peers, ct);
        await site.WaitAsync(() => Task.FromResult(missing.Offers == 1), Wait, "the first offer rings at reoffer-missing", Peers, ct);
        Assert.True((await site.Agent("reoffer-taking").LogInAsync()).Succeeded);

        await site.WaitAsync(async () => await site.Call(callId).GetStatusAsync() is { Phase: CallPhase.Connected, AgentId: "reoffer-taking" },
            Wait, $"call {callId} connected with reoffer-taking after reoffer-missing rang out", Peers, ct);
        var status = await site.Call(callId).GetStatusAsync();
        Assert.True(status.MissedBy.SequenceEqual(["reoffer-missing"]), $"{await site.DescribeCallsAsync()}\n{Peers()}");
        await site.WaitAsync(() => Task.FromResult(missing.Cancelled == 1 && taking.Answered == 1), Wait,
            "the ringing phone was cancelled and the other one answered", Peers, ct);
        var rings = await site.EventsAsync(callId, "AgentRingStarted");
        Assert.True(rings.Select(r => r.AgentId).SequenceEqual(["reoffer-missing", "reoffer-taking"]), $"rings: {string.Join(", ", rings)}\n{Peers()}");
    }

    [Fact]
    public async Task An_agent_who_misses_as_many_offers_as_its_no_answer_policy_allows_is_paused_with_its_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        PeerTools.Sipp();
        await using var site = await SippSite.StartAsync(32200);
        await site.AddQueueAsync("strikes", "7500", ringTimeout: TimeSpan.FromSeconds(1), wrapUpTime: TimeSpan.Zero, ct);
        // "no-answer" is a pause code of the demo configuration the node loads.
        await site.Node.Documents.CreateAsync(new NoAnswerPolicy
        {
            Id = "two-strikes", Name = "Two misses", MaxMisses = 2, Window = TimeSpan.FromMinutes(10), Action = NoAnswerAction.Pause, PauseCodeId = "no-answer",
        }, ct);
        await site.AddAgentAsync("striker", "strikes", ct, noAnswerPolicyId: "two-strikes");
        await using var phone = SippPhone.NeverAnswering(site.SipPort, "striker", SippSite.PasswordOf("striker"), site.NextMediaPort());
        await using var caller = SippCaller.Queue(site.SipPort, "7500", "strikes", site.NextMediaPort(), OnTheLine);
        string Peers() => $"{phone.Diagnostics}\n{caller.Diagnostics}";
        await site.WaitAsync(() => Task.FromResult(phone.Registered), Wait, "the phone registers", Peers, ct);
        Assert.True((await site.Agent("striker").LogInAsync()).Succeeded);

        // The only agent is offered the call, misses it, is offered it again, misses it again: the policy pauses it.
        await site.WaitAsync(async () => await site.Agent("striker").GetStatusAsync() is { Presence: Presence.Paused, PauseCodeId: "no-answer" },
            Wait, "striker paused by its no-answer policy", Peers, ct);
        var callId = (await site.CallIdsAsync()).Single();
        await site.WaitAsync(() => Task.FromResult(phone.Offers == 2 && phone.Cancelled == 2), Wait, "two offers rang at the phone, each cancelled", Peers, ct);
        var status = await site.Call(callId).GetStatusAsync();
        Assert.True(status is { Phase: CallPhase.Queued, QueueId: "strikes" } && status.MissedBy.SequenceEqual(["striker", "striker"]),
            $"{await site.DescribeCallsAsync()}\n{Peers()}");
        Assert.True((await site.Agent("striker").GetStatusAsync()).Work.IsEmpty, Peers());
    }
}
