using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Grains.Calls;

internal sealed partial class CallGrain
{
    /// <summary>The playback id of a waiting caller's announcement; music resumes when it finishes.</summary>
    private const string AnnouncementPlayback = "queue-announcement";

    /// <summary>The collection id of the keys a waiting caller may press.</summary>
    private const string WaitOptionsCollection = "queue-options";

    /// <summary>How long one collection of a waiting caller's key runs before it is started again.</summary>
    private static readonly TimeSpan WaitOptionsTimeout = TimeSpan.FromMinutes(30);

    // Transient: the treatment of the queue the call waits in (from its enqueue answer, refreshed by each
    // announcement), and the announcement timer; an activation asks the queue again.
    private QueueTreatment? _treatment;
    private (TimeSpan Every, IDisposable Timer)? _announcementTimer;

    /// <summary>What the caller gets once queued (IVR-5): the treatment's music, the keys of its options, and its
    /// periodic announcement.</summary>
    private async Task StartWaitingAsync(QueueTreatment? treatment)
    {
        _treatment = treatment ?? new QueueTreatment();
        await MediaAsync(media => media.PlayAsync(CallId, WaitingMusic(_treatment)));
        await CollectWaitOptionAsync();
        ArmAnnouncementTimer();
    }

    /// <summary>After a reactivation while waiting: the queue's current treatment for the timer and the keys.</summary>
    private async Task ResumeWaitingAsync()
    {
        if (Current.Phase is not (CallPhase.Queued or CallPhase.Ringing) || Current.QueueId is not { } queueId
            || await GetWaitAsync(queueId) is not { } wait)
        {
            return;
        }
        _treatment = wait.Treatment;
        if (Current.Phase == CallPhase.Queued)
        {
            await CollectWaitOptionAsync();
        }
        ArmAnnouncementTimer();
    }

    private void StopWaiting()
    {
        _announcementTimer?.Timer.Dispose();
        _announcementTimer = null;
        _treatment = null;
    }

    private static MediaPlayback WaitingMusic(QueueTreatment treatment) => new([treatment.MusicPromptId], Loop: true);

    private async Task CollectWaitOptionAsync()
    {
        if (_treatment is { Options.IsDefaultOrEmpty: false })
        {
            await MediaAsync(media => media.CollectDigitsAsync(CallId, new DigitCollection(1, WaitOptionsTimeout, CollectionId: WaitOptionsCollection)));
        }
    }

    /// <summary>Makes the announcement timer match the treatment's interval (none without one).</summary>
    private void ArmAnnouncementTimer()
    {
        var every = _treatment?.AnnounceEvery;
        if (_announcementTimer is { } armed)
        {
            if (armed.Every == every)
            {
                return;
            }
            armed.Timer.Dispose();
            _announcementTimer = null;
        }
        if (every is { } interval)
        {
            _announcementTimer = (interval, RegisterGrainTimer(_ => OnAnnouncementDueAsync(), interval, interval));
        }
    }

    /// <summary>Announces the caller's position and expected wait, as the queue answers them now; skipped while an
    /// agent rings (the caller is about to be answered), and the timer stops once the call no longer waits.</summary>
    private async Task OnAnnouncementDueAsync()
    {
        if (Current.Phase is not (CallPhase.Queued or CallPhase.Ringing) || Current.QueueId is not { } queueId)
        {
            StopWaiting();
            return;
        }
        if (Current.Phase != CallPhase.Queued || await GetWaitAsync(queueId) is not { } wait || Current.Phase != CallPhase.Queued)
        {
            return;
        }
        _treatment = wait.Treatment;
        ArmAnnouncementTimer();
        var prompts = CallRules.WaitAnnouncement(wait);
        if (prompts.IsEmpty)
        {
            return;
        }
        LogWaitAnnounced(CallId, queueId, wait.Position, wait.ExpectedWait);
        await MediaAsync(media => media.PlayAsync(CallId, new MediaPlayback(prompts, PlaybackId: AnnouncementPlayback)));
    }

    private async Task<QueueWait?> GetWaitAsync(string queueId)
    {
        try
        {
            return await GrainFactory.GetGrain<IQueueGrain>(queueId).GetWaitAsync(CallId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPeerUnreachable(CallId, "queue", queueId, "get wait", exception.Message);
            return null;
        }
    }

    /// <summary>Handles the waiting caller's media events (the announcement's end, a key); false for any other.</summary>
    private async Task<bool> OnWaitingMediaEventAsync(CallMediaEvent mediaEvent)
    {
        var waiting = Current.Phase is CallPhase.Queued or CallPhase.Ringing;
        switch (mediaEvent)
        {
            case PlaybackFinished { PlaybackId: AnnouncementPlayback }:
                if (waiting)
                {
                    await MediaAsync(media => media.PlayAsync(CallId, WaitingMusic(_treatment ?? new QueueTreatment())));
                }
                return true;
            case DigitsCollected { CollectionId: WaitOptionsCollection } collected:
                if (waiting && !await TryLeaveForWaitOptionAsync(collected))
                {
                    await CollectWaitOptionAsync();
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>A key of the treatment's options takes the call out of its queue into the option's tree; false when
    /// the key is none of them (or the tree is missing: the caller keeps waiting).</summary>
    private async Task<bool> TryLeaveForWaitOptionAsync(DigitsCollected collected)
    {
        if (Current.Phase != CallPhase.Queued || Current.QueueId is not { } queueId || collected.TimedOut
            || _treatment?.FindOption(collected.Digits) is not { } option)
        {
            return false;
        }
        if (await ReadIvrTreeAsync(option.IvrTreeId) is not { } tree)
        {
            LogWaitOptionTreeMissing(CallId, queueId, option.Digit, option.IvrTreeId);
            return false;
        }
        if ((await CommitAsync("wait option", CallRules.ChoseWaitOption(Current, queueId, option, tree.Version, Now))).Find<CallEnteredIvr>() is null)
        {
            return false;
        }
        StopWaiting();
        await QueueAsync(queueId, "withdraw", queue => queue.WithdrawAsync(CallId, $"the caller pressed {option.Digit}"));
        await StartIvrAsync(tree);
        return true;
    }

    [LoggerMessage(4704, LogLevel.Debug, "Call {CallId}: announced position {Position} and expected wait {ExpectedWait} in queue {QueueId}")]
    private partial void LogWaitAnnounced(string callId, string queueId, int? position, TimeSpan? expectedWait);

    [LoggerMessage(4705, LogLevel.Warning, "Call {CallId}: key {Digit} of queue {QueueId} leads to IVR tree {TreeId}, which does not exist; the caller keeps waiting")]
    private partial void LogWaitOptionTreeMissing(string callId, string queueId, string digit, string treeId);
}
