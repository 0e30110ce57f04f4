using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Grains.Ivr;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Grains.Calls;

internal sealed partial class CallGrain
{
    /// <summary>Starts the walk of the tree the call entered (<paramref name="tree"/>, null when it was not found: the
    /// call ends as failed).</summary>
    private async Task StartIvrAsync(IvrTree? tree)
    {
        if (tree is null)
        {
            await EndAsync(CallEndReason.Failed, $"IVR tree {Current.IvrTreeId} not found");
            return;
        }
        _ivrTree = tree;
        await StepIvrAsync(new IvrEntered());
    }

    /// <summary>Routes the call into an IVR tree (an overflow or closed-queue target, <paramref name="hops"/> sends
    /// on so far): it walks the tree from its start; a tree that does not exist ends the call as failed.</summary>
    private async Task EnterIvrAsync(string treeId, int hops)
    {
        if (await ReadIvrTreeAsync(treeId) is not { } tree)
        {
            await EndAsync(CallEndReason.Failed, $"IVR tree {treeId} not found");
            return;
        }
        if ((await CommitAsync("enter ivr", CallRules.EnterIvr(Current, treeId, tree.Version, Now))).Find<CallEnteredIvr>() is not null)
        {
            _ivrHops = hops;
            await StartIvrAsync(tree);
        }
    }

    /// <summary>A media event the IVR walk waits for, as the walk's input; null for any other.</summary>
    private static IvrInput? ToIvrInput(CallMediaEvent mediaEvent) => mediaEvent switch
    {
        PlaybackFinished finished => new IvrPlaybackFinished(finished.PlaybackId),
        DigitsCollected collected => new IvrDigitsCollected(collected.Digits ?? "", collected.TimedOut, collected.CollectionId),
        VoicemailRecorded recorded => new IvrVoicemailRecorded(recorded.RecordingId, recorded.Duration, recorded.Location),
        TransferFailed failed => new IvrTransferFailed(failed.Reason),
        _ => null,
    };

    /// <summary>Handles a media event while the call is in its IVR; false for one the IVR does not take (hang-ups).</summary>
    private async Task<bool> OnIvrMediaEventAsync(CallMediaEvent mediaEvent)
    {
        if (mediaEvent is TransferCompleted)
        {
            // The front end handed the caller to a transfer node's number and left the call.
            if (Current.IvrPosition is { Stage: IvrStage.Transfer } position && await IvrTreeAsync() is { } tree
                && tree.Nodes.FirstOrDefault(n => n.Id == position.NodeId) is IvrTransferNode { Number: { } number })
            {
                await CommitAsync("ivr transfer completed", CallRules.Forwarded(Current, new RoutingTarget(RoutingTargetKind.ExternalNumber, number), Now));
            }
            return true;
        }
        if (ToIvrInput(mediaEvent) is not { } input)
        {
            return false;
        }
        await StepIvrAsync(input);
        return true;
    }

    /// <summary>Runs the walk for <paramref name="input"/>: journals the step, then carries out its actions; a service
    /// answer (lookup, announcement, transfer refusal) is the next input, walked in the same turn.</summary>
    private async Task StepIvrAsync(IvrInput input)
    {
        for (IvrInput? next = input; next is not null && Current.Phase == CallPhase.Ivr;)
        {
            if (await IvrTreeAsync() is not { } tree)
            {
                await EndAsync(CallEndReason.Failed, $"IVR tree {Current.IvrTreeId} version {Current.IvrTreeVersion} is no longer available");
                return;
            }
            var context = IvrContext.For(CallId, Current.From, Current.To, Current.Attributes, Current.CallerBoost, Now);
            var step = IvrMachine.Next(tree, Current.IvrPosition, next, context);
            if (step.Ignored)
            {
                LogIvrInputIgnored(CallId, next.GetType().Name, Current.IvrPosition?.NodeId, Current.IvrPosition?.Stage.ToString());
                return;
            }
            if ((await CommitAsync("ivr step", CallRules.IvrStepped(Current, step, Now))).Find<CallIvrStepped>() is null)
            {
                return;
            }
            LogIvrStepped(CallId, step.Trace[^1].NodeId, step.Trace[^1].Description);
            next = null;
            foreach (var action in step.Actions)
            {
                if (!Current.IsLive)
                {
                    return;
                }
                next = await CarryOutAsync(action) ?? next;
            }
        }
    }

    /// <summary>Carries out one action of a step; returns the input a service's answer makes, if any.</summary>
    private async Task<IvrInput?> CarryOutAsync(IvrAction action)
    {
        switch (action)
        {
            case IvrPlay play:
                await MediaAsync(media => media.PlayAsync(CallId, play.Playback));
                return null;
            case IvrCollect collect:
                await MediaAsync(media => media.CollectDigitsAsync(CallId, collect.Collection));
                return null;
            case IvrStopPlayback:
                await MediaAsync(media => media.StopPlaybackAsync(CallId));
                return null;
            case IvrRecordVoicemail record:
                await MediaAsync(media => media.RecordVoicemailAsync(CallId, record.Recording));
                return null;
            case IvrSetAttribute:
                return null; // journaled with the step
            case IvrRoute route:
                await RouteToAsync(new RoutingTarget(RoutingTargetKind.Queue, route.QueueId), Current.CallerBoost + route.CallerBoost,
                    route.RequiredSkills, hops: _ivrHops);
                return null;
            case IvrTransfer { Number: { } number }:
                return await MediaAsync(media => media.TransferAsync(CallId, number))
                    ? null
                    : new IvrTransferFailed("the front end did not take the transfer");
            case IvrTransfer { AgentId: { } agentId }:
                return await RouteToAgentAsync(agentId, endWhenRefused: false) is { } refusal ? new IvrTransferFailed(refusal) : null;
            case IvrHangUp hangUp:
                await EndAsync(CallEndReason.Completed, $"IVR: {hangUp.Detail}");
                return null;
            default:
                return await CallIvrServiceAsync(action);
        }
    }

    /// <summary>Actions carried out by <see cref="IIvrServices"/>. A lookup that throws or runs past its timeout is
    /// a failed lookup; an announcement that cannot be checked counts as inactive; a callback or voicemail that cannot be
    /// stored is logged (the caller already heard it was taken) and the walk goes on.</summary>
    private async Task<IvrInput?> CallIvrServiceAsync(IvrAction action)
    {
        var services = _ivrServices ?? throw new InvalidOperationException("no IIvrServices is registered; AddCalls registers one");
        if (action is IvrLookup lookup)
        {
            using var timeout = new CancellationTokenSource(lookup.Request.Timeout, TimeProvider);
            try
            {
                var answer = await services.LookupAsync(lookup.Request, timeout.Token);
                return new IvrLookupAnswered(answer.StatusCode, answer.Body);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || timeout.IsCancellationRequested)
            {
                LogIvrServiceFailed(CallId, "lookup", exception.GetType().Name, exception.Message);
                return new IvrLookupFailed(timeout.IsCancellationRequested ? "timed out" : exception.Message);
            }
        }
        try
        {
            switch (action)
            {
                case IvrCheckAnnouncement check:
                    return new IvrAnnouncementChecked(await services.GetActiveAnnouncementAsync(check.AnnouncementId));
                case IvrSaveCallback callback:
                    await services.SaveCallbackAsync(callback.Request);
                    return null;
                case IvrSaveVoicemail voicemail:
                    await services.SaveVoicemailAsync(voicemail.Message);
                    return null;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogIvrServiceFailed(CallId, action.GetType().Name, exception.GetType().Name, exception.Message);
            return action is IvrCheckAnnouncement ? new IvrAnnouncementChecked(null) : null;
        }
        throw new InvalidOperationException($"IVR action {action.GetType().Name} has no executor in the call grain");
    }

    /// <summary>The tree the call walks: the version read at entry, kept for the activation; after a reactivation read
    /// again, and only taken when it is still that version (the store keeps only the current one), otherwise null.</summary>
    private async Task<IvrTree?> IvrTreeAsync()
    {
        if (_ivrTree is { } cached)
        {
            return cached;
        }
        if (Current.IvrTreeId is not { } treeId || await ReadIvrTreeAsync(treeId) is not { } tree || tree.Version != Current.IvrTreeVersion)
        {
            return null;
        }
        return _ivrTree = tree;
    }

    private async Task<IvrTree?> ReadIvrTreeAsync(string treeId)
    {
        if (_ivrTrees is null)
        {
            return null;
        }
        try
        {
            return await _ivrTrees.GetIvrTreeAsync(treeId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogIvrServiceFailed(CallId, "read tree", exception.GetType().Name, exception.Message);
            return null;
        }
    }

    [LoggerMessage(4701, LogLevel.Debug, "Call {CallId}: IVR at node {NodeId}: {Description}")]
    private partial void LogIvrStepped(string callId, string nodeId, string description);

    [LoggerMessage(4702, LogLevel.Debug, "Call {CallId}: IVR input {Input} ignored at node {NodeId} ({Stage})")]
    private partial void LogIvrInputIgnored(string callId, string input, string? nodeId, string? stage);

    [LoggerMessage(4703, LogLevel.Warning, "Call {CallId}: IVR {Action} failed ({Type}: {Error})")]
    private partial void LogIvrServiceFailed(string callId, string action, string type, string error);
}
