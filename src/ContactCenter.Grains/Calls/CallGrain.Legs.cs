using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Grains.Calls;

internal sealed partial class CallGrain
{
    /// <summary>The playback id of a closing prompt; the legs are hung up when it finishes.</summary>
    private const string ClosingPlayback = "closing";

    public async Task OnMediaEventAsync(CallMediaEvent mediaEvent)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        var before = Current;
        if (await OnListenInMediaEventAsync(before, mediaEvent))
        {
            return;
        }
        if (before.Phase == CallPhase.Ivr && await OnIvrMediaEventAsync(mediaEvent))
        {
            return;
        }
        if (await OnWaitingMediaEventAsync(mediaEvent))
        {
            return;
        }
        if (await OnConnectedMediaEventAsync(before, mediaEvent))
        {
            return;
        }
        switch (mediaEvent)
        {
            case CallerHungUp:
                await AfterHangUpAsync(before, await CommitAsync("caller hung up", CallRules.CustomerHungUp(Current, Now)));
                break;
            case AgentAnswered answered:
                await AfterAgentAnsweredAsync(before, await CommitAsync("agent answered", CallRules.AgentAnswered(Current, answered.AgentId, Now)));
                break;
            case AgentLegFailed failed:
                await AfterRingFailedAsync(before, await CommitAsync("agent leg failed", CallRules.RingFailed(Current, failed.AgentId, failed.Reason, Now)),
                    cancel: false);
                break;
            case AgentHungUp hungUp when before.IsAgent(hungUp.AgentId):
                await AfterHangUpAsync(before, await CommitAsync("agent hung up", CallRules.AgentHungUp(Current, hungUp.AgentId, Now)));
                break;
            case ExternalAnswered:
                if ((await CommitAsync("external answered", CallRules.ExternalAnswered(Current, Now))).Find<CallConnected>() is { } connected)
                {
                    await MediaAsync(media => media.BridgeAsync(CallId, connected.AgentId));
                }
                break;
            case ExternalLegFailed failed:
                await AfterHangUpAsync(before, await CommitAsync("external failed", CallRules.ExternalFailed(Current, failed.StatusCode, failed.Reason, Now)));
                break;
            case PlaybackFinished { PlaybackId: ClosingPlayback } when Current.Phase == CallPhase.Ended:
                await MediaAsync(media => media.HangUpAsync(CallId, Current.EndReason ?? CallEndReason.Completed));
                break;
            default:
                LogMediaEventIgnored(CallId, mediaEvent.GetType().Name, before.Phase?.ToString());
                break;
        }
    }

    public async Task<CallCommandResult> HangUpAsync(string agentId)
    {
        var before = Current;
        var decision = await CommitAsync("hang up", CallRules.AgentHungUp(Current, agentId, Now));
        await AfterHangUpAsync(before, decision);
        return decision.ToResult();
    }

    private async Task AfterAgentAnsweredAsync(CallState before, CallDecision decision)
    {
        if (decision.Find<CallConnected>() is { } connected)
        {
            await AgentAsync(connected.AgentId, "answer", agent => agent.AnswerAsync(CallId));
            if (before.QueueId is { } queueId)
            {
                await QueueAsync(queueId, "answered", queue => queue.AnsweredAsync(CallId, connected.AgentId));
            }
            await MediaAsync(media => media.BridgeAsync(CallId, connected.AgentId));
        }
        else if (decision.Find<ExternalDialStarted>() is { } dialing)
        {
            if (before.ConsultedCallId is null)
            {
                await AgentAsync(before.AgentId!, "answer", agent => agent.AnswerAsync(CallId));
            }
            await MediaAsync(media => media.DialAsync(CallId, new ExternalLegRequest(dialing.Number, Current.From ?? "", CallRules.DialRingTimeout)));
        }
    }

    /// <summary>After ringing an agent failed: stop ringing (when the call gave up itself), give the offer back to the
    /// queue (which frees the agent, counting a miss for no answer, and offers the call again) or free the agent of a
    /// call routed to it alone, and hang up a call that ended with it.</summary>
    private async Task AfterRingFailedAsync(CallState before, CallDecision decision, bool cancel, bool returnToQueue = true)
    {
        if (decision.Find<AgentRingEnded>() is not { } ended)
        {
            return;
        }
        var agentId = ended.AgentId;
        if (cancel)
        {
            await MediaAsync(media => media.DropLegAsync(CallId, agentId));
        }
        // An unreachable phone is no miss: the agent is paused and the queue offers the call to the next agent at once.
        var reason = CallRules.ReleaseReasonOf(ended.Reason);
        if (Current.Phase == CallPhase.Queued && Current.QueueId is { } queueId)
        {
            if (returnToQueue)
            {
                await QueueAsync(queueId, "return offer", queue => queue.ReturnOfferAsync(CallId, agentId, reason, before.OfferId));
            }
            return;
        }
        if (before.ConsultedCallId is null)
        {
            await AgentAsync(agentId, "release", agent => agent.ReleaseAsync(CallId, reason));
        }
        if (decision.Find<CallEnded>() is { } callEnded)
        {
            await MediaAsync(media => media.HangUpAsync(CallId, callEnded.Reason));
        }
    }

    /// <summary>After a hang-up (either side) or a failed external leg: release what the call held in the phase it was
    /// in, then hang up the remaining legs. A hang-up that leaves the call going on (the agent's, with an answered
    /// second agent taking over; the second agent's own) only lets that agent go.</summary>
    private async Task AfterHangUpAsync(CallState before, CallDecision decision)
    {
        if (decision.Events.IsDefaultOrEmpty)
        {
            return;
        }
        if (decision.Find<ConsultTransferred>() is not null)
        {
            // The call's agent hung up with an answered second agent on the call, which takes it over.
            await AfterPassedAsync(decision);
            return;
        }
        if (decision.Find<ConversationEnded>() is null && decision.Find<ConsultEnded>() is not null)
        {
            // The second agent hung up from its workspace; the call goes on with its agent.
            await AfterSecondAgentLeftAsync(decision, ReleaseReason.Declined, dropLeg: true);
            return;
        }
        if (decision.Find<CallAbandoned>() is not null && before.Phase is CallPhase.Queued or CallPhase.Ringing && before.QueueId is { } queueId)
        {
            // The queue counts the abandon and withdraws an offer it made.
            await QueueAsync(queueId, "abandon", queue => queue.AbandonAsync(CallId));
        }
        else
        {
            await ReleaseWorkAsync(before);
        }
        await MediaAsync(media => media.HangUpAsync(CallId, Current.EndReason ?? CallEndReason.Completed));
    }

    /// <summary>Ends the call for <paramref name="reason"/>, releases what it held, and hangs up (after a closing prompt,
    /// when one is given).</summary>
    private async Task EndAsync(CallEndReason reason, string detail, string? closingPromptId = null)
    {
        var before = Current;
        if ((await CommitAsync("end", CallRules.End(Current, reason, detail, Now))).Find<CallEnded>() is null)
        {
            return;
        }
        await ReleaseWorkAsync(before);
        await MediaAsync(media => closingPromptId is null
            ? media.HangUpAsync(CallId, reason)
            : media.PlayAsync(CallId, new MediaPlayback([closingPromptId], PlaybackId: ClosingPlayback)));
    }

    /// <summary>Frees the queue slot or agent the call held in <paramref name="before"/>'s phase, and its second agent,
    /// without touching media.</summary>
    private async Task ReleaseWorkAsync(CallState before)
    {
        switch (before.Phase)
        {
            case CallPhase.Queued or CallPhase.Ringing when before.QueueId is { } queueId && before.Direction == CallDirection.Inbound:
                await QueueAsync(queueId, "withdraw", queue => queue.WithdrawAsync(CallId, Current.EndReason?.ToString()));
                break;
            case CallPhase.Ringing or CallPhase.Arrived or CallPhase.Connected or CallPhase.Dialing when before.ConsultedCallId is not null:
                // A consultation held no slot of the agent's.
                break;
            case CallPhase.Ringing or CallPhase.Arrived when before.AgentId is { } agentId:
                await AgentAsync(agentId, "release", agent => agent.ReleaseAsync(CallId, ReleaseReason.Withdrawn));
                break;
            case CallPhase.Connected or CallPhase.Dialing when before.AgentId is { } agentId:
                await AgentAsync(agentId, "end work", agent => agent.EndWorkAsync(CallId));
                break;
        }
        if (before.Consult is { } consult)
        {
            await ReleaseSecondAgentAsync(consult.AgentId, consult.Stage != ConsultStage.Ringing, ReleaseReason.Withdrawn);
        }
    }

    /// <summary>Runs a command on the call's front end. When the front end is gone (its process died: the runtime says so
    /// with <see cref="ObserverUnavailableException"/>), the call ends with reason media lost and releases what it held;
    /// returns false then. Any other failure (a timeout while a silo fails over, say) is logged and the call goes on:
    /// the front end's next report, or the call's own deadlines, bring it back in step.</summary>
    private async Task<bool> MediaAsync(Func<ICallMedia, Task> command)
    {
        if (Current.Media is not { } media)
        {
            return false;
        }
        try
        {
            await command(media);
            return true;
        }
        catch (Exception exception) when (exception is not (ObserverUnavailableException or OperationCanceledException))
        {
            LogMediaCommandFailed(CallId, exception.GetType().Name, exception.Message);
            return false;
        }
        catch (ObserverUnavailableException exception)
        {
            await EndWithMediaLostAsync(exception.Message);
            return false;
        }
    }

    /// <summary>Keeps a watch on the front end's process while the call is live, so a front end that dies ends its
    /// calls (media lost) and frees their agents even when no command is sent to it.</summary>
    private void WatchMedia()
    {
        if (!Current.IsLive || Current.Media is not { } media)
        {
            _mediaWatch?.Dispose();
            _mediaWatch = null;
        }
        else if (_mediaWatch is null)
        {
            _mediaWatch = WatchObserver(media, () =>
            {
                _mediaWatch?.Dispose();
                _mediaWatch = null;
                return EndWithMediaLostAsync("the front end's process was declared dead");
            });
        }
    }

    private async Task EndWithMediaLostAsync(string detail)
    {
        LogMediaLost(CallId, detail);
        var before = Current;
        if ((await CommitAsync("media lost", CallRules.End(Current, CallEndReason.MediaLost, detail, Now))).Find<CallEnded>() is not null)
        {
            await ReleaseWorkAsync(before);
        }
    }

    [LoggerMessage(4406, LogLevel.Warning, "Call {CallId}: its front end is gone ({Error}); the call ends with media lost")]
    private partial void LogMediaLost(string callId, string error);

    [LoggerMessage(4408, LogLevel.Warning, "Call {CallId}: a command to its front end failed ({Type}: {Error}); the call goes on")]
    private partial void LogMediaCommandFailed(string callId, string type, string error);

    [LoggerMessage(4407, LogLevel.Debug, "Call {CallId}: media event {Event} ignored in phase {Phase}")]
    private partial void LogMediaEventIgnored(string callId, string @event, string? phase);
}
