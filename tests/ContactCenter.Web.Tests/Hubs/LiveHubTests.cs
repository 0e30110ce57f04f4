using System.Collections.Concurrent;
using System.Text.Json;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.LiveViews;
using ContactCenter.TestSupport;
using ContactCenter.Web.Hubs;
using ContactCenter.Web.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace ContactCenter.Web.Tests.Hubs;

/// <summary>The supervisor and wallboard hubs end to end: a snapshot on request, then every change of the grains as
/// numbered updates, commands that reach the grains, and the roles each hub admits.</summary>
public sealed class LiveHubTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static Task<LiveHubHost> StartAsync(string agentId) =>
        LiveHubHost.StartAsync(documents => LiveHubHost.SeedAgentAndQueueAsync(documents, agentId, "sales"));

    private static ConcurrentQueue<LiveUpdate> Collect(HubConnection connection, string topic)
    {
        var updates = new ConcurrentQueue<LiveUpdate>();
        connection.On<LiveUpdate>(topic, updates.Enqueue);
        return updates;
    }

    private static T ItemOf<T>(LiveUpdate update) => ((JsonElement)update.Item).Deserialize<T>(LiveHubHost.Json)!;

    [Fact]
    public async Task A_supervisor_sees_a_snapshot_then_every_agent_change_in_sequence_and_steers_the_agent()
    {
        await using var host = await StartAsync("anna");
        await using var supervisor = await host.ConnectAsync(SupervisorHub.Path, await host.CredentialsAsync("sue", "supervisor"));
        var agentUpdates = Collect(supervisor, LiveTopics.Agent);

        var snapshot = await supervisor.InvokeAsync<List<AgentStatus>>(nameof(SupervisorHub.GetAgentsAsync), TestContext.Current.CancellationToken);
        Assert.Equal(DisplayedState.LoggedOut, Assert.Single(snapshot).Displayed.State);

        Assert.True((await host.Grains.GetGrain<IAgentGrain>("anna").LogInAsync()).Succeeded);
        await Eventually.TrueAsync(() => agentUpdates.Any(u => ItemOf<AgentStatus>(u).Displayed.State == DisplayedState.Available), Wait, "anna available at the supervisor");

        var paused = await supervisor.InvokeAsync<AgentCommandResult>(nameof(SupervisorHub.PauseAgentAsync), "anna", "lunch", TestContext.Current.CancellationToken);
        Assert.False(paused.Succeeded); // no such pause code: refused by the grain, said so to the supervisor
        var loggedOut = await supervisor.InvokeAsync<AgentCommandResult>(nameof(SupervisorHub.LogOutAgentAsync), "anna", TestContext.Current.CancellationToken);
        Assert.True(loggedOut.Succeeded, loggedOut.Message);
        await Eventually.TrueAsync(() => ItemOf<AgentStatus>(agentUpdates.Last()).Displayed.State == DisplayedState.LoggedOut, Wait, "anna logged out at the supervisor");

        var updates = agentUpdates.ToArray();
        Assert.All(updates, u => Assert.Equal("anna", u.Key));
        Assert.All(updates.Zip(updates.Skip(1)), pair => Assert.Equal(pair.First.Sequence + 1, pair.Second.Sequence));
        var versions = updates.Select(u => ItemOf<AgentStatus>(u).Version).ToArray();
        Assert.True(versions.SequenceEqual(versions.Order()), "agent versions rise with the sequence");
    }

    [Fact]
    public async Task A_supervisor_is_alerted_to_a_conversation_longer_than_the_site_allows_and_finds_it_in_the_snapshot()
    {
        await using var host = await LiveHubHost.StartAsync(async documents =>
        {
            await LiveHubHost.SeedAgentAndQueueAsync(documents, "anna", "sales");
            await documents.CreateAsync(new SiteSettings { LongInteractionAlertAfter = TimeSpan.FromSeconds(1) }, TestContext.Current.CancellationToken);
        });
        await using var supervisor = await host.ConnectAsync(SupervisorHub.Path, await host.CredentialsAsync("sue", "supervisor"));
        var alerts = Collect(supervisor, LiveTopics.Alert);
        Assert.Empty(await supervisor.InvokeAsync<List<SupervisorAlert>>(nameof(SupervisorHub.GetAlertsAsync), TestContext.Current.CancellationToken));

        // Anna takes a call and stays on it.
        Assert.True((await host.Grains.GetGrain<IAgentGrain>("anna").LogInAsync()).Succeeded);
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
        await call.OnMediaEventAsync(new AgentAnswered("call-1", "anna"));

        await Eventually.TrueAsync(() => !alerts.IsEmpty, Wait, "an alert at the supervisor");
        var alert = ItemOf<SupervisorAlert>(Assert.Single(alerts));
        Assert.Equal((SupervisorAlertKind.LongInteraction, "anna", "call-1"), (alert.Kind, alert.AgentId, alert.InteractionId));
        var snapshot = await supervisor.InvokeAsync<List<SupervisorAlert>>(nameof(SupervisorHub.GetAlertsAsync), TestContext.Current.CancellationToken);
        Assert.Equal(alert, Assert.Single(snapshot));
    }

    [Fact]
    public async Task A_wallboard_gets_the_site_figures_and_their_updates()
    {
        await using var host = await StartAsync("bob");
        await using var wallboard = await host.ConnectAsync(WallboardHub.Path, await host.CredentialsAsync("wall-1", "wallboard"));
        var siteUpdates = Collect(wallboard, LiveTopics.Site);

        var before = await wallboard.InvokeAsync<SiteLiveStatus>(nameof(WallboardHub.GetSiteAsync), TestContext.Current.CancellationToken);
        Assert.Equal(0, before.Agents.LoggedIn);

        await host.Grains.GetGrain<IAgentGrain>("bob").LogInAsync();

        await Eventually.TrueAsync(() => siteUpdates.Any(u => ItemOf<SiteLiveStatus>(u).Agents.Available == 1), Wait, "bob available on the wallboard");
        var after = await wallboard.InvokeAsync<SiteLiveStatus>(nameof(WallboardHub.GetSiteAsync), TestContext.Current.CancellationToken);
        Assert.True(after.Position > before.Position);
        Assert.Equal(1, after.Agents.LoggedIn);
    }

    [Fact]
    public async Task Each_hub_admits_only_its_roles()
    {
        await using var host = await StartAsync("carl");

        var wallboard = await host.CredentialsAsync("wall-1", "wallboard");
        var agent = await host.CredentialsAsync("carl", "agent");
        await Assert.ThrowsAnyAsync<Exception>(() => host.ConnectAsync(SupervisorHub.Path, wallboard));
        await Assert.ThrowsAnyAsync<Exception>(() => host.ConnectAsync(WallboardHub.Path, agent));
        await Assert.ThrowsAnyAsync<Exception>(() => host.ConnectAsync(WallboardHub.Path, new Dictionary<string, string>()));
        await using var supervisorOnWallboard = await host.ConnectAsync(WallboardHub.Path, await host.CredentialsAsync("sue", "supervisor"));
        Assert.Equal(HubConnectionState.Connected, supervisorOnWallboard.State);
    }
}
