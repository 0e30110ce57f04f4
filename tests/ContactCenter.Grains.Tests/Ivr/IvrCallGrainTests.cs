using System.Text.Json;
using ContactCenter.Actors;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Grains.Ivr;
using ContactCenter.Grains.Tests.Calls;
using ContactCenter.Grains.Tests.Routing;
using ContactCenter.TestSupport;

namespace ContactCenter.Grains.Tests.Ivr;

/// <summary>Calls walking IVR trees in the call grain on an in-process cluster with a scripted front end: a menu choice
/// reaching an agent with the steps journaled, abandons in the IVR, a missing tree, and thirty different trees walked
/// side by side.</summary>
public sealed class IvrCallGrainTests(RoutingClusterFixture fixture) : IClassFixture<RoutingClusterFixture>
{
    private ScriptedCallMedia Media => fixture.Media;

    [Fact]
    public async Task A_call_choosing_from_the_menu_is_queued_with_the_nodes_boost_and_reaches_an_agent()
    {
        var sales = fixture.NewQueue("sales");
        var driver = new CallDriver(fixture);
        var agent = await driver.ReadyAgentAsync("iris", sales);
        var tree = Put(new IvrTree
        {
            Id = $"menu-{Guid.NewGuid():N}",
            Version = 3,
            Name = "Menu",
            StartNodeId = "welcome",
            Nodes =
            [
                new IvrPlayNode { Id = "welcome", Prompt = new() { PromptId = "welcome" }, Next = "main" },
                new IvrMenuNode { Id = "main", Prompt = new() { Text = "Press 1 for sales." }, Choices = [new("1", "sales-attr")] },
                new IvrSetAttributeNode { Id = "sales-attr", Key = "problem", Value = "sales", Next = "sales" },
                new IvrQueueNode { Id = "sales", QueueId = CallDriver.Id(sales), CallerBoost = 3 },
            ],
        });
        var (call, callId) = NewCall();

        Assert.True((await call.ArriveAsync(Arrival(tree.Id))).Succeeded);

        await Media.WaitForAsync(callId, nameof(ICallMedia.AnswerAsync));
        var welcome = (MediaPlayback)(await Media.WaitForAsync(callId, nameof(ICallMedia.PlayAsync))).Argument!;
        Assert.Equal(("welcome", "en"), (Assert.Single(welcome.PromptIds), welcome.Language));
        Assert.Equal(CallPhase.Ivr, (await call.GetStatusAsync()).Phase);
        await call.OnMediaEventAsync(new PlaybackFinished(callId, welcome.PlaybackId));
        await call.OnMediaEventAsync(new PlaybackFinished(callId, welcome.PlaybackId)); // repeated: ignored
        var collection = (DigitCollection)(await Media.WaitForAsync(callId, nameof(ICallMedia.CollectDigitsAsync))).Argument!;
        Assert.Single(Media.For(callId), c => c.Name == nameof(ICallMedia.CollectDigitsAsync));

        await call.OnMediaEventAsync(new DigitsCollected(callId, "1", false, collection.CollectionId));

        await Media.WaitForAsync(callId, nameof(ICallMedia.RingAgentAsync), a => ((AgentLegRequest)a!).AgentId == CallDriver.Id(agent));
        await call.OnMediaEventAsync(new AgentAnswered(callId, CallDriver.Id(agent)));
        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Connected, CallDriver.Id(agent), "sales"), (status.Phase, status.AgentId, status.Attributes["problem"]));
        var journal = await JournalAsync(callId);
        Assert.Equal((tree.Id, 3L), journal.OfType<CallEnteredIvr>().Select(e => (e.TreeId, e.TreeVersion)).Single());
        Assert.Equal(["welcome", "welcome", "main", "main", "sales-attr", "sales"], journal.OfType<CallIvrStepped>().Select(e => e.NodeId));
        Assert.Equal(3, journal.OfType<CallQueued>().Single().CallerBoost);
        Assert.Contains(journal, e => e is CallAttributeSet { Key: "problem", Value: "sales" });
    }

    [Fact]
    public async Task A_caller_hanging_up_in_the_ivr_is_an_abandon_in_ivr_and_later_media_events_change_nothing()
    {
        var tree = Put(IvrWalkTrees.Generate(1, $"hang-{Guid.NewGuid():N}", fixture.NewQueue("ivr").GetPrimaryKeyString()));
        var (call, callId) = NewCall();
        await call.ArriveAsync(Arrival(tree.Id));
        var welcome = (MediaPlayback)(await Media.WaitForAsync(callId, nameof(ICallMedia.PlayAsync))).Argument!;

        await call.OnMediaEventAsync(new CallerHungUp(callId));
        await call.OnMediaEventAsync(new PlaybackFinished(callId, welcome.PlaybackId));

        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Ended, CallEndReason.Abandoned, AbandonPhase.InIvr), (status.Phase, status.EndReason, status.AbandonPhase));
        Assert.DoesNotContain(Media.For(callId), c => c.Name == nameof(ICallMedia.CollectDigitsAsync));
    }

    [Fact]
    public async Task An_active_announcement_plays_and_a_refused_agent_transfer_takes_the_failed_branch()
    {
        var announcementId = $"outage-{Guid.NewGuid():N}";
        fixture.IvrServices.Activate(announcementId, "outage-prompt");
        var tree = Put(new IvrTree
        {
            Id = $"announce-{Guid.NewGuid():N}",
            Name = "Announcement",
            Language = "pl",
            StartNodeId = "problem",
            Nodes =
            [
                new IvrAnnouncementNode { Id = "problem", AnnouncementId = announcementId, Next = "agent" },
                new IvrTransferNode { Id = "agent", AgentId = $"nobody-{Guid.NewGuid():N}", Failed = "bye" },
                new IvrHangupNode { Id = "bye" },
            ],
        });
        Assert.True(DocumentValidator.Validate(tree).IsValid);
        var (call, callId) = NewCall();
        await call.ArriveAsync(Arrival(tree.Id));
        var announcement = (MediaPlayback)(await Media.WaitForAsync(callId, nameof(ICallMedia.PlayAsync))).Argument!;
        Assert.Equal(("outage-prompt", "pl"), (Assert.Single(announcement.PromptIds), announcement.Language));

        await call.OnMediaEventAsync(new PlaybackFinished(callId, announcement.PlaybackId));

        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Ended, CallEndReason.Completed), (status.Phase, status.EndReason));
        Assert.Contains(await JournalAsync(callId), e => e is CallIvrStepped { NodeId: "agent" } stepped
            && stepped.Description.StartsWith("transfer failed", StringComparison.Ordinal));
        await Media.WaitForAsync(callId, nameof(ICallMedia.HangUpAsync));
    }

    [Fact]
    public async Task A_call_for_a_missing_tree_ends_as_failed()
    {
        var (call, callId) = NewCall();

        await call.ArriveAsync(Arrival($"missing-{Guid.NewGuid():N}"));

        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Ended, CallEndReason.Failed), (status.Phase, status.EndReason));
        await Media.WaitForAsync(callId, nameof(ICallMedia.HangUpAsync));
    }

    [Fact]
    public async Task Thirty_different_trees_are_walked_side_by_side_to_their_ends()
    {
        fixture.IvrServices.Lookups = request => new IvrLookupResponse(200, """{"ok":true}""");
        const int count = 30;
        var trees = new IvrTree[count];
        for (var n = 0; n < count; n++)
        {
            var queue = fixture.NewQueue($"ivr{n}");
            trees[n] = IvrWalkTrees.Generate(n, $"walk-{n}-{Guid.NewGuid():N}", queue.GetPrimaryKeyString()) with { Version = n + 1 };
            var errors = DocumentValidator.Validate(trees[n]);
            Assert.True(errors.IsValid, $"tree {n}: {errors}");
            Put(trees[n]);
        }
        Assert.InRange(trees.Select(t => string.Join(",", t.Nodes.Select(x => x.GetType().Name))).Distinct().Count(), 2 * IvrWalkTrees.Branches, count);
        var calls = Enumerable.Range(0, count).Select(n => NewCall()).ToArray();
        var byCall = Enumerable.Range(0, count).ToDictionary(n => calls[n].CallId);
        Media.Drain();

        await Task.WhenAll(Enumerable.Range(0, count).Select(n => calls[n].Call.ArriveAsync(Arrival(trees[n].Id))));
        await Eventually.TrueAsync(async () =>
        {
            var batch = Media.Drain().Where(c => byCall.ContainsKey(c.CallId)).GroupBy(c => c.CallId);
            await Task.WhenAll(batch.Select(commands => PlayFarEndAsync(commands.Key, byCall[commands.Key], [.. commands])));
            var statuses = await Task.WhenAll(calls.Select(c => c.Call.GetStatusAsync()));
            return statuses.Select((s, n) => (s.Phase ?? CallPhase.Arrived, s.Phase == CallPhase.Ended ? s.EndReason : null)).SequenceEqual(
                Enumerable.Range(0, count).Select(IvrWalkTrees.Outcome));
        }, TimeSpan.FromSeconds(30), "thirty calls to walk their trees to the end");

        for (var n = 0; n < count; n++)
        {
            var journal = await JournalAsync(calls[n].CallId);
            Assert.Equal((long)n + 1, journal.OfType<CallEnteredIvr>().Single().TreeVersion);
            Assert.Contains(journal.OfType<CallIvrStepped>(), e => e.NodeId == "main");
            Assert.Contains(journal.OfType<CallIvrStepped>(), e => e.NodeId == "branch");
        }
        Assert.Equal(count / IvrWalkTrees.Branches, fixture.IvrServices.Voicemails.Count(v => v.MailboxId.StartsWith("ivr", StringComparison.Ordinal)));
        Assert.Equal(count / IvrWalkTrees.Branches, fixture.IvrServices.Callbacks.Count(c => byCall.ContainsKey(c.CallId)));
    }

    /// <summary>The far end of one call's commands: prompts end (twice for some trees, as a repeated report), the caller
    /// presses 1 at menus and enters digits or a time, voicemails are recorded and transfers complete.</summary>
    private async Task PlayFarEndAsync(string callId, int n, List<MediaCommand> commands)
    {
        var call = fixture.Cluster.Client.GetGrain<ICallGrain>(callId);
        foreach (var command in commands)
        {
            CallMediaEvent? report = command.Argument switch
            {
                MediaPlayback { Loop: false, PlaybackId: { } id } => new PlaybackFinished(callId, id),
                DigitCollection { MaxDigits: 1 } digits => new DigitsCollected(callId, "1", false, digits.CollectionId),
                DigitCollection { MaxDigits: 4 } time => new DigitsCollected(callId, "1030", false, time.CollectionId),
                DigitCollection entry => new DigitsCollected(callId, "12345", false, entry.CollectionId),
                VoicemailRecording recording => new VoicemailRecorded(callId, recording.RecordingId, TimeSpan.FromSeconds(7), $"vm/{callId}.wav"),
                string when command.Name == nameof(ICallMedia.TransferAsync) => new TransferCompleted(callId),
                _ => null,
            };
            if (report is null)
            {
                continue;
            }
            await call.OnMediaEventAsync(report);
            if (n % 7 == 0 && report is PlaybackFinished)
            {
                await call.OnMediaEventAsync(report);
            }
        }
    }

    private IvrTree Put(IvrTree tree)
    {
        fixture.Trees.Put(tree);
        return tree;
    }

    private (ICallGrain Call, string CallId) NewCall()
    {
        var callId = $"call-{Guid.NewGuid():N}";
        return (fixture.Cluster.Client.GetGrain<ICallGrain>(callId), callId);
    }

    private CallArrival Arrival(string treeId) => new()
    {
        From = "+48221234567",
        To = "800",
        Media = fixture.MediaReference,
        IvrTreeId = treeId,
    };

    /// <summary>The call's journal but its arrival (which holds the front end's reference, which only the runtime reads).
    /// </summary>
    private async Task<List<CallEvent>> JournalAsync(string callId)
    {
        var records = await fixture.Cluster.Storage.Journal.ReadStreamAsync(
            new GrainId(typeof(ICallGrain).FullName!, callId).ToString(), 0, 1000, TestContext.Current.CancellationToken);
        return [.. records.Where(r => !r.Json.Contains("\"call-arrived\"", StringComparison.Ordinal))
            .Select(r => JsonSerializer.Deserialize(r.Json, CallJsonContext.Default.CallEvent)!)];
    }
}
