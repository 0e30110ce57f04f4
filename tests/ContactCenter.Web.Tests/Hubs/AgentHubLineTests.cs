using System.Collections.Concurrent;
using System.Text.Json;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.TestSupport;
using ContactCenter.Web.Hubs;
using ContactCenter.Web.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace ContactCenter.Web.Tests.Hubs;

/// <summary>The persistent line (CALL-4) as the agent workspace reads it from the agent hub: the profile's line mode, and
/// the line's state in the status snapshot and in the live "agent" updates — <c>line</c> as a name (None, Opening, Up),
/// with a lost line shown as no line and the platform's <c>line-lost</c> pause.</summary>
public sealed class AgentHubLineTests
{
    private const string AgentId = "lena";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task SeedAsync(Storage.Documents.IDocumentStore documents)
    {
        await documents.CreateAsync(new Queue { Id = "sales", Name = "sales" }, Cancel);
        await documents.CreateAsync(new AgentProfile
        {
            Id = AgentId,
            Name = AgentId,
            Queues = [new QueueMembership("sales")],
            Capacities = [new MediumCapacity(Medium.Voice, 1)],
            LineMode = LineMode.PersistentLine,
            Phone = "+15550142",
        }, Cancel);
    }

    [Fact]
    public async Task The_workspace_sees_its_persistent_line_lost_connecting_and_up_in_the_snapshot_and_the_live_updates()
    {
        await using var host = await LiveHubHost.StartAsync(SeedAsync);
        await using var workspace = await host.ConnectAsync(AgentHub.Path, await host.CredentialsAsync(AgentId, "agent", AgentId));
        var updates = new ConcurrentQueue<JsonElement>();
        workspace.On<LiveUpdate>(LiveTopics.Agent, update =>
        {
            if (update.Key == AgentId)
            {
                updates.Enqueue((JsonElement)update.Item);
            }
        });
        Assert.Equal(LineMode.PersistentLine, (await workspace.InvokeAsync<AgentProfile>(nameof(AgentHub.GetProfileAsync), Cancel)).LineMode);

        // No front end runs: the line cannot be opened, so it is lost at once and the agent paused until it resumes.
        Assert.True((await workspace.InvokeAsync<AgentCommandResult>(nameof(AgentHub.LogInAsync), Cancel)).Succeeded);
        var lost = await workspace.InvokeAsync<AgentStatus>(nameof(AgentHub.GetMeAsync), Cancel);
        Assert.Equal((Presence.Paused, "line-lost", AgentLineState.None), (lost.Presence, lost.PauseCodeId, lost.Line));
        await Eventually.TrueAsync(() => updates.Any(u => Line(u) == "None" && u.GetProperty("pauseCodeId").GetString() == "line-lost"),
            Wait, $"{AgentId}'s lost line in her live updates");

        // A front end runs; resuming opens a new line through it (connecting), and its report makes the line up.
        var media = new RecordingCallMedia();
        await host.Grains.GetGrain<ICallMediaRegistry>(ICallMediaRegistry.Key)
            .AnnounceAsync("fe-1", host.Cluster.Client.CreateObjectReference<ICallMedia>(media), "dc1", TimeSpan.FromMinutes(1));
        Assert.True((await workspace.InvokeAsync<AgentCommandResult>(nameof(AgentHub.ResumeAsync), Cancel)).Succeeded);
        await Eventually.TrueAsync(() => !media.OpenedLines.IsEmpty, Wait, $"the front end asked to open {AgentId}'s line");
        Assert.Equal(AgentLineState.Opening, (await workspace.InvokeAsync<AgentStatus>(nameof(AgentHub.GetMeAsync), Cancel)).Line);
        await Eventually.TrueAsync(() => updates.Any(u => Line(u) == "Opening"), Wait, $"{AgentId}'s opening line in her live updates");

        var (_, lineId) = Assert.Single(media.OpenedLines);
        await host.Grains.GetGrain<IAgentGrain>(AgentId).OnLineEventAsync(new AgentLineEvent(lineId, Up: true));
        var up = await workspace.InvokeAsync<AgentStatus>(nameof(AgentHub.GetMeAsync), Cancel);
        Assert.Equal((Presence.Available, AgentLineState.Up), (up.Presence, up.Line));
        await Eventually.TrueAsync(() => updates.Any(u => Line(u) == "Up"), Wait, $"{AgentId}'s line up in her live updates");
    }

    /// <summary>The <c>line</c> member of a status as the hub wrote it (the browser reads this very name).</summary>
    private static string? Line(JsonElement status) => status.TryGetProperty("line", out var line) ? line.GetString() : null;
}
