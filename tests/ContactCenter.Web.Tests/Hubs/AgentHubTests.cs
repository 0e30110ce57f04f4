using System.Collections.Concurrent;
using System.Text.Json;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.TestSupport;
using ContactCenter.Web.Hubs;
using ContactCenter.Web.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace ContactCenter.Web.Tests.Hubs;

/// <summary>The agent workspace hub end to end: the agent's own state and commands, a call offered by the grains and
/// handled from the workspace (hold, note, hang up, wrap-up), and a supervisor listening in.</summary>
public sealed class AgentHubTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task SeedAsync(Storage.Documents.IDocumentStore documents)
    {
        await LiveHubHost.SeedAgentAndQueueAsync(documents, "anna", "sales");
        await documents.CreateAsync(new PauseCode { Id = "lunch", Name = "Lunch" }, Cancel);
    }

    [Fact]
    public async Task An_agent_goes_ready_takes_a_call_from_the_workspace_and_wraps_it_up_while_a_supervisor_listens_in()
    {
        await using var host = await LiveHubHost.StartAsync(SeedAsync);
        await using var workspace = await host.ConnectAsync(AgentHub.Path, await host.CredentialsAsync("anna", "agent", "anna"));
        var mine = new ConcurrentQueue<AgentStatus>();
        workspace.On<LiveUpdate>(LiveTopics.Agent, update =>
        {
            if (update.Key == "anna")
            {
                mine.Enqueue(((JsonElement)update.Item).Deserialize<AgentStatus>(LiveHubHost.Json)!);
            }
        });

        Assert.Equal(DisplayedState.LoggedOut, (await workspace.InvokeAsync<AgentStatus>(nameof(AgentHub.GetMeAsync), Cancel)).Displayed.State);
        Assert.Contains(("anna", (string?)"anna"), // the profile's name, for the transfer panel
            (await workspace.InvokeAsync<List<AgentStatus>>(nameof(AgentHub.GetAgentsAsync), Cancel)).Select(a => (a.AgentId, a.Name)));
        Assert.Equal(["sales"], (await workspace.InvokeAsync<AgentProfile>(nameof(AgentHub.GetProfileAsync), Cancel)).Queues.Select(q => q.QueueId));
        Assert.True((await workspace.InvokeAsync<AgentCommandResult>(nameof(AgentHub.LogInAsync), Cancel)).Succeeded);
        Assert.True((await workspace.InvokeAsync<AgentCommandResult>(nameof(AgentHub.PauseAsync), "lunch", Cancel)).Succeeded);
        Assert.True((await workspace.InvokeAsync<AgentCommandResult>(nameof(AgentHub.ResumeAsync), Cancel)).Succeeded);
        await Eventually.TrueAsync(() => mine.Any(s => s.Displayed.State == DisplayedState.Paused) && mine.Last().Displayed.State == DisplayedState.Available,
            Wait, "anna paused, then available, in her own updates");

        var calls = new ConcurrentQueue<LiveUpdate>();
        workspace.On<LiveUpdate>(LiveTopics.Call, calls.Enqueue);
        await host.Documents.CreateAsync(new AgentProfile { Id = "bob", Name = "bob" }, Cancel);
        await using var bob = await host.ConnectAsync(AgentHub.Path, await host.CredentialsAsync("bob", "agent", "bob"));
        var bobsCalls = new ConcurrentQueue<LiveUpdate>();
        bob.On<LiveUpdate>(LiveTopics.Call, bobsCalls.Enqueue);

        // A call arrives through the grains; the queue offers it to anna and her phone rings; she answers from the workspace.
        var media = new RecordingCallMedia();
        var call = host.Grains.GetGrain<ICallGrain>("call-1");
        Assert.True((await call.ArriveAsync(new CallArrival
        {
            From = "+48221234567",
            To = "200",
            Media = host.Cluster.Client.CreateObjectReference<ICallMedia>(media),
            Target = new RoutingTarget(RoutingTargetKind.Queue, "sales"),
        })).Succeeded);
        await Eventually.TrueAsync(() => media.Saw("call-1", nameof(ICallMedia.RingAgentAsync)), Wait, "anna's phone ringing");
        Assert.True((await workspace.InvokeAsync<CallCommandResult>(nameof(AgentHub.AnswerAsync), "call-1", Cancel)).Succeeded);
        await Eventually.TrueAsync(() => media.Saw("call-1", nameof(ICallMedia.AnswerAgentAsync)), Wait, "the front end asked to answer anna's leg");
        await call.OnMediaEventAsync(new AgentAnswered("call-1", "anna")); // as the front end reports it
        Assert.Equal(CallPhase.Connected, (await workspace.InvokeAsync<CallStatus>(nameof(AgentHub.GetCallAsync), "call-1", Cancel)).Phase);

        await using var supervisor = await host.ConnectAsync(SupervisorHub.Path, await host.CredentialsAsync("sue", "supervisor"));
        Assert.True((await supervisor.InvokeAsync<CallCommandResult>(nameof(SupervisorHub.ListenInAsync), "call-1", ListenInMode.Monitor, Cancel)).Succeeded);
        Assert.True((await workspace.InvokeAsync<CallCommandResult>(nameof(AgentHub.HoldAsync), "call-1", Cancel)).Succeeded);
        Assert.True((await workspace.InvokeAsync<CallCommandResult>(nameof(AgentHub.SetRecordingAsync), "call-1", false, Cancel)).Changed);
        Assert.Equal(CallRecordingState.Paused, (await workspace.InvokeAsync<CallStatus>(nameof(AgentHub.GetCallAsync), "call-1", Cancel)).Recording);
        Assert.True((await workspace.InvokeAsync<CallCommandResult>(nameof(AgentHub.AddNoteAsync), "call-1", "wants a refund", Cancel)).Succeeded);
        Assert.True((await workspace.InvokeAsync<CallCommandResult>(nameof(AgentHub.HangUpAsync), "call-1", Cancel)).Succeeded);
        Assert.True((await workspace.InvokeAsync<CallCommandResult>(nameof(AgentHub.FinishWrapUpAsync), "call-1", Cancel)).Succeeded);

        var ended = await workspace.InvokeAsync<CallStatus>(nameof(AgentHub.GetCallAsync), "call-1", Cancel);
        Assert.Equal((CallPhase.Ended, CallEndReason.Completed), (ended.Phase, ended.EndReason));
        Assert.Equal("wants a refund", Assert.Single(ended.Notes).Text);
        Assert.True(media.Saw("call-1", nameof(ICallMedia.ListenInAsync)));
        await Eventually.TrueAsync(() => mine.Last().Displayed.State == DisplayedState.Available, Wait, "anna available after the call");

        // Her workspace followed the call live — offered, connected, ended (the queue has no wrap-up time) — in order and
        // without gaps; bob, another agent, received none of it.
        await Eventually.TrueAsync(() => calls.Any(u => Phase(u) == CallPhase.Ended), Wait, "the call's end in anna's call updates");
        Assert.All(calls, u => Assert.Equal("anna", u.Key));
        Assert.Equal([CallPhase.Ringing, CallPhase.Connected, CallPhase.Ended],
            calls.Select(Phase).Distinct());
        Assert.Equal(Enumerable.Range((int)calls.First().Sequence, calls.Count).Select(i => (long)i), calls.Select(u => u.Sequence));
        Assert.Empty(bobsCalls);
    }

    private static CallPhase? Phase(LiveUpdate update) => ((JsonElement)update.Item).Deserialize<CallStatus>(LiveHubHost.Json)!.Phase;

    [Fact]
    public async Task An_agent_controls_only_its_own_calls_and_an_account_without_an_agent_profile_gets_no_workspace()
    {
        await using var host = await LiveHubHost.StartAsync(SeedAsync);
        await host.Documents.CreateAsync(new AgentProfile { Id = "bob", Name = "bob" }, Cancel);
        await using var bob = await host.ConnectAsync(AgentHub.Path, await host.CredentialsAsync("bob", "agent", "bob"));

        var refused = await bob.InvokeAsync<CallCommandResult>(nameof(AgentHub.HangUpAsync), "someone-elses-call", Cancel);

        Assert.False(refused.Succeeded);
        var noProfile = await host.ConnectAsync(AgentHub.Path, await host.CredentialsAsync("sue", "supervisor"));
        await Eventually.TrueAsync(() => noProfile.State == HubConnectionState.Disconnected, Wait, "the connection of an account without an agent profile closed");
        await noProfile.DisposeAsync();
        var wallboard = await host.CredentialsAsync("wall-1", "wallboard");
        await Assert.ThrowsAnyAsync<Exception>(() => host.ConnectAsync(AgentHub.Path, wallboard));
    }

    [Fact]
    public async Task An_agent_dials_a_number_through_a_front_end_the_registry_names_and_is_told_when_there_is_none()
    {
        await using var host = await LiveHubHost.StartAsync(SeedAsync);
        await using var workspace = await host.ConnectAsync(AgentHub.Path, await host.CredentialsAsync("anna", "agent", "anna"));
        Assert.True((await workspace.InvokeAsync<AgentCommandResult>(nameof(AgentHub.LogInAsync), Cancel)).Succeeded);

        var invalid = await workspace.InvokeAsync<CallCommandResult>(nameof(AgentHub.DialAsync), "call me", Cancel);
        Assert.Equal(CallCommandError.InvalidRequest, invalid.Error);
        var nobody = await workspace.InvokeAsync<CallCommandResult>(nameof(AgentHub.DialAsync), "+48221234567", Cancel);
        Assert.Equal(CallCommandError.Unavailable, nobody.Error);

        // A front end announces itself; the next dial rings anna's phone through it, then the customer.
        var media = new RecordingCallMedia();
        await host.Grains.GetGrain<ICallMediaRegistry>(ICallMediaRegistry.Key)
            .AnnounceAsync("fe-1", host.Cluster.Client.CreateObjectReference<ICallMedia>(media), "dc1", TimeSpan.FromMinutes(1));
        var calls = new ConcurrentQueue<LiveUpdate>();
        workspace.On<LiveUpdate>(LiveTopics.Call, calls.Enqueue);

        var dialled = await workspace.InvokeAsync<CallCommandResult>(nameof(AgentHub.DialAsync), "+48221234567", Cancel);

        Assert.True(dialled.Succeeded, dialled.Message);
        await Eventually.TrueAsync(() => media.Commands.Any(c => c.Command == nameof(ICallMedia.RingAgentAsync)), Wait, "anna's phone ringing for her call");
        await Eventually.TrueAsync(() => calls.Any(u => Phase(u) == CallPhase.Dialing || Phase(u) == CallPhase.Ringing), Wait, "the new call in anna's call updates");
    }
}
