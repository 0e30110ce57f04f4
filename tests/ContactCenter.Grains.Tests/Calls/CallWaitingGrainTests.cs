using ContactCenter.Actors;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Contracts.Queues;
using ContactCenter.Grains.Tests.Queues;
using ContactCenter.Grains.Tests.Routing;
using ContactCenter.TestSupport;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>A caller waiting in a queue with the queue's treatment (IVR-5), on an in-process cluster with fake time and
/// a scripted front end: the treatment's music, the periodic announcement of the position, keys that leave the queue
/// for a callback or voicemail tree, and an IVR tree as an overflow target.</summary>
public sealed class CallWaitingGrainTests(RoutingClusterFixture fixture) : IClassFixture<RoutingClusterFixture>
{
    private static readonly TimeSpan Wait = RoutingClusterFixture.Wait;

    private ScriptedCallMedia Media => fixture.Media;

    [Fact]
    public async Task A_waiting_caller_hears_the_music_then_every_interval_its_position_and_the_options_then_the_music_again()
    {
        var queue = await QueueWithAsync(new QueueTreatment
        {
            MusicPromptId = "jazz",
            AnnounceEvery = TimeSpan.FromSeconds(30),
            OptionsPromptId = "callback-offer",
        });
        var (first, firstId) = NewCall();
        var (second, secondId) = NewCall();
        await first.ArriveAsync(Arrival(queue));
        await second.ArriveAsync(Arrival(queue));
        var music = (MediaPlayback)(await Media.WaitForAsync(secondId, nameof(ICallMedia.PlayAsync))).Argument!;
        Assert.Equal(["jazz"], music.PromptIds);
        Assert.True(music.Loop);

        fixture.Time.Advance(TimeSpan.FromSeconds(30));

        var announcement = await AnnouncementAsync(secondId, 1);
        Assert.Equal(["you-are-number", "digit-2", "in-the-queue", "callback-offer"], announcement.PromptIds);
        Assert.False(announcement.Loop);
        Assert.Equal(["you-are-number", "digit-1", "in-the-queue", "callback-offer"], (await AnnouncementAsync(firstId, 1)).PromptIds);
        await second.OnMediaEventAsync(new PlaybackFinished(secondId, announcement.PlaybackId));
        var again = Plays(secondId)[^1];
        Assert.Equal(["jazz"], again.PromptIds);
        Assert.True(again.Loop);

        fixture.Time.Advance(TimeSpan.FromSeconds(30));

        await AnnouncementAsync(secondId, 2);
        Assert.DoesNotContain(Media.For(secondId), c => c.Name == nameof(ICallMedia.CollectDigitsAsync));
    }

    [Fact]
    public async Task A_key_pressed_while_waiting_takes_the_caller_out_of_the_queue_into_the_options_tree()
    {
        var voicemail = Put(new IvrTree
        {
            Id = $"voicemail-{Guid.NewGuid():N}",
            Version = 2,
            Name = "Voicemail",
            StartNodeId = "sorry",
            Nodes = [new IvrPlayNode { Id = "sorry", Prompt = new() { PromptId = "leave-message" }, Next = "bye" }, new IvrHangupNode { Id = "bye" }],
        });
        var queue = await QueueWithAsync(new QueueTreatment { Options = [new QueueWaitOption("2", voicemail.Id)] });
        var (call, callId) = NewCall();
        await call.ArriveAsync(Arrival(queue));
        var keys = (DigitCollection)(await Media.WaitForAsync(callId, nameof(ICallMedia.CollectDigitsAsync))).Argument!;
        Assert.Equal(1, keys.MaxDigits);

        await call.OnMediaEventAsync(new DigitsCollected(callId, "7", false, keys.CollectionId));

        Assert.Equal(2, Media.For(callId).Count(c => c.Name == nameof(ICallMedia.CollectDigitsAsync)));
        Assert.Equal(CallPhase.Queued, (await call.GetStatusAsync()).Phase);

        await call.OnMediaEventAsync(new DigitsCollected(callId, "2", false, keys.CollectionId));

        var status = await call.GetStatusAsync();
        Assert.Equal(CallPhase.Ivr, status.Phase);
        Assert.Equal(["leave-message"], Plays(callId)[^1].PromptIds);
        var snapshot = await queue.GetSnapshotAsync();
        Assert.Empty(snapshot.Waiting);
        Assert.Equal(1, snapshot.Counters.Withdrawn);
    }

    [Fact]
    public async Task A_key_leading_to_a_missing_tree_keeps_the_caller_waiting()
    {
        var queue = await QueueWithAsync(new QueueTreatment { Options = [new QueueWaitOption("1", $"missing-{Guid.NewGuid():N}")] });
        var (call, callId) = NewCall();
        await call.ArriveAsync(Arrival(queue));
        var keys = (DigitCollection)(await Media.WaitForAsync(callId, nameof(ICallMedia.CollectDigitsAsync))).Argument!;

        await call.OnMediaEventAsync(new DigitsCollected(callId, "1", false, keys.CollectionId));

        Assert.Equal(CallPhase.Queued, (await call.GetStatusAsync()).Phase);
        Assert.Single((await queue.GetSnapshotAsync()).Waiting);
        Assert.Equal(2, Media.For(callId).Count(c => c.Name == nameof(ICallMedia.CollectDigitsAsync)));
    }

    [Fact]
    public async Task A_full_queue_sends_the_caller_on_to_an_ivr_tree()
    {
        var busy = Put(new IvrTree
        {
            Id = $"busy-{Guid.NewGuid():N}",
            Name = "Busy",
            StartNodeId = "busy",
            Nodes = [new IvrPlayNode { Id = "busy", Prompt = new() { PromptId = "all-agents-busy" }, Next = "bye" }, new IvrHangupNode { Id = "bye" }],
        });
        var queue = fixture.NewQueue("full");
        fixture.Queues.Put(await QueueForAsync(queue) with
        {
            Overflow = [new OverflowRule { Condition = OverflowCondition.QueueLength, MaxLength = 0, Target = new RoutingTarget(RoutingTargetKind.IvrTree, busy.Id) }],
        });
        var (call, callId) = NewCall();

        await call.ArriveAsync(Arrival(queue));

        Assert.Equal(CallPhase.Ivr, (await call.GetStatusAsync()).Phase);
        Assert.Equal(["all-agents-busy"], Plays(callId)[^1].PromptIds);
        await call.OnMediaEventAsync(new PlaybackFinished(callId, Plays(callId)[^1].PlaybackId));
        Assert.Equal(CallEndReason.Completed, (await call.GetStatusAsync()).EndReason);
    }

    [Fact]
    public async Task Queues_and_trees_sending_a_call_to_each_other_end_it_as_failed()
    {
        var queueId = $"loop-{Guid.NewGuid():N}";
        var tree = Put(new IvrTree
        {
            Id = $"loop-{Guid.NewGuid():N}",
            Name = "Back to the queue",
            StartNodeId = "queue",
            Nodes = [new IvrQueueNode { Id = "queue", QueueId = queueId }],
        });
        fixture.Queues.Put(QueueBuild.Queue(queueId) with
        {
            Overflow = [new OverflowRule { Condition = OverflowCondition.QueueLength, MaxLength = 0, Target = new RoutingTarget(RoutingTargetKind.IvrTree, tree.Id) }],
        });
        var (call, _) = NewCall();

        await call.ArriveAsync(Arrival(fixture.Cluster.Client.GetGrain<IQueueGrain>(queueId)));

        var status = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Ended, CallEndReason.Failed), (status.Phase, status.EndReason));
    }

    private async Task<IQueueGrain> QueueWithAsync(QueueTreatment treatment)
    {
        var queue = fixture.NewQueue("waiting");
        fixture.Queues.Put(await QueueForAsync(queue) with { Treatment = treatment });
        return queue;
    }

    private async Task<MediaPlayback> AnnouncementAsync(string callId, int count)
    {
        await Eventually.TrueAsync(() => Announcements(callId).Count >= count, Wait, $"announcement {count} of call {callId}");
        return Announcements(callId)[count - 1];
    }

    private List<MediaPlayback> Announcements(string callId) => [.. Plays(callId).Where(p => p.PromptIds.Contains("you-are-number"))];

    private List<MediaPlayback> Plays(string callId) =>
        [.. Media.For(callId).Where(c => c.Name == nameof(ICallMedia.PlayAsync)).Select(c => (MediaPlayback)c.Argument!)];

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

    private CallArrival Arrival(IQueueGrain queue) => new()
    {
        From = "+48221234567",
        To = "200",
        Media = fixture.MediaReference,
        Target = new RoutingTarget(RoutingTargetKind.Queue, queue.GetPrimaryKeyString()),
    };

    private async Task<Queue> QueueForAsync(IQueueGrain queue) =>
        (await fixture.Queues.GetQueueAsync(queue.GetPrimaryKeyString(), TestContext.Current.CancellationToken))!;
}
