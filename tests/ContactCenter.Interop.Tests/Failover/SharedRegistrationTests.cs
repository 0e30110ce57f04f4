using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Interop.Tests.FrontEnd;
using ContactCenter.TestSupport;
using static ContactCenter.Interop.Tests.FrontEnd.FrontEndScenario;

namespace ContactCenter.Interop.Tests.Failover;

/// <summary>HA-2: agents' phone registrations are shared by every front end of a site (the PostgreSQL registration
/// store), so a phone that REGISTERed at one front end is rung by another, which sends its INVITE to the flow the
/// REGISTER came on: a ring-per-call phone rung for a call that arrived at another front end, and a persistent line
/// called, at log-in, by a front end other than the one the phone registered at (that one stopped).</summary>
public sealed class SharedRegistrationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_phone_registered_at_one_front_end_is_rung_and_talks_through_another()
    {
        if (PostgresTestDatabase.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }
        await using var site = await FailoverSite.StartAsync(silos: 1, Cancel);
        var registrar = await site.StartFrontEndAsync("44000-44199", Cancel);
        var ringing = await site.StartFrontEndAsync("44200-44399", Cancel);
        await using var phone = MediaPeer.Start(44400);
        await using var caller = MediaPeer.Start(44600);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}";
        await site.AddQueueAsync("shared-reg", "7105", Cancel);
        await site.AddAgentAsync("shared-reg-agent", "shared-reg", phone, registrar, Cancel);
        var agent = site.Client.GetGrain<IAgentGrain>("shared-reg-agent");
        Assert.True((await agent.LogInAsync()).Succeeded);

        var call = caller.Call(ringing.Sip, "7105");
        Assert.Equal(200, (await Conditions.WithinAsync(call.Answered, Wait, "front end B answers the caller", Diagnostics, Cancel)).StatusCode);
        await Conditions.WaitAsync(() => phone.Invites == 1 && phone.Calls.Count == 1, Wait,
            "the phone registered at front end A is rung and answers", Diagnostics, Cancel);

        var invite = Assert.Single(phone.InvitesReceived);
        Assert.Equal(ringing.Sip.Port, invite.TopVia?.Port);
        string? callId = null;
        await Eventually.TrueAsync(async () =>
        {
            callId = (await agent.GetStatusAsync()).Work.SingleOrDefault()?.WorkId;
            return callId is not null && (await site.Client.GetGrain<ICallGrain>(callId).GetStatusAsync()).Phase == CallPhase.Connected;
        }, Wait, "the agent talks on the call");
        await ExpectRtpAsync(caller, call.CallId, phone, phone.Calls.Keys.Single(), Diagnostics, Cancel);
        var status = await agent.GetStatusAsync();
        Assert.True(status.Presence != Presence.Paused, $"call {callId}: agent paused ({status.PauseCodeId})");
        Assert.Equal(0, status.Counters.Missed);

        await call.HangUpAsync();
        await Eventually.TrueAsync(async () => (await site.Client.GetGrain<ICallGrain>(callId!).GetStatusAsync()).Phase == CallPhase.Ended,
            Wait, $"call {callId} ended");
    }

    [Fact]
    public async Task A_persistent_line_comes_up_through_another_front_end_after_the_one_the_phone_registered_at_stopped()
    {
        if (PostgresTestDatabase.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }
        await using var site = await FailoverSite.StartAsync(silos: 1, Cancel);
        var stopped = await site.StartFrontEndAsync("44800-44999", Cancel);
        var survivor = await site.StartFrontEndAsync("45000-45199", Cancel);
        await using var phone = MediaPeer.Start(45200);
        await using var caller = MediaPeer.Start(45400);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}";
        await site.AddQueueAsync("shared-line", "7106", Cancel);
        await site.AddAgentAsync("shared-line-agent", "shared-line", phone, stopped, Cancel, LineMode.PersistentLine);
        // A graceful stop withdraws the front end from the call media registry, so the line can only come from the other.
        await stopped.Process.TerminateAsync(Cancel);
        await stopped.Process.WaitForExitAsync(Wait, Cancel);
        var agent = site.Client.GetGrain<IAgentGrain>("shared-line-agent");

        var loggedIn = await agent.LogInAsync();
        Assert.True(loggedIn.Succeeded, $"log-in refused: {loggedIn}");
        await Conditions.WaitAsync(() => phone.Invites == 1 && phone.Calls.Count == 1, Wait, "the surviving front end calls the phone for the line",
            Diagnostics, Cancel);
        Assert.Equal(survivor.Sip.Port, Assert.Single(phone.InvitesReceived).TopVia?.Port);
        var line = phone.Calls.Keys.Single();
        await Eventually.TrueAsync(async () => (await agent.GetStatusAsync()).Line == AgentLineState.Up, Wait, "the agent's line up");

        var call = caller.Call(survivor.Sip, "7106");
        Assert.Equal(200, (await Conditions.WithinAsync(call.Answered, Wait, "the surviving front end answers the caller", Diagnostics, Cancel)).StatusCode);
        string? callId = null;
        // The agent holds the work from the reservation, a moment before the call rings it: answer once it rings.
        await Eventually.TrueAsync(async () => (callId = (await agent.GetStatusAsync()).Work.SingleOrDefault()?.WorkId) is not null
            && (await site.Client.GetGrain<ICallGrain>(callId).GetStatusAsync()).Phase == CallPhase.Ringing, Wait, "the call offered to the agent");
        var answered = await site.Client.GetGrain<ICallGrain>(callId!).AnswerAsync("shared-line-agent");
        Assert.True(answered.Succeeded, $"call {callId}: answer refused ({answered.Error}: {answered.Message})");
        await Eventually.TrueAsync(async () => (await site.Client.GetGrain<ICallGrain>(callId!).GetStatusAsync()).Phase == CallPhase.Connected,
            Wait, $"call {callId} connected on the line");
        await ExpectRtpAsync(caller, call.CallId, phone, line, Diagnostics, Cancel);
        Assert.Equal(1, phone.Invites);
        await call.HangUpAsync();
    }
}
