using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Grains.Calls;

internal sealed partial class CallGrain
{
    public async Task<CallCommandResult> ListenInAsync(string supervisorId, ListenInMode mode)
    {
        var decision = await CommitAsync("listen in", CallRules.ListenIn(Current, supervisorId, mode, Now));
        if (decision.Find<ListenInStarted>() is { } started)
        {
            await MediaAsync(media => media.ListenInAsync(CallId, new ListenInRequest(started.SupervisorId, started.Mode)));
        }
        return decision.ToResult();
    }

    public async Task<CallCommandResult> StopListenInAsync(string supervisorId)
    {
        var decision = await CommitAsync("stop listen-in", CallRules.StopListenIn(Current, supervisorId, Now));
        if (decision.Find<ListenInStopped>() is not null)
        {
            // The front end has no listen-in stop of its own: the supervisor's leg is dropped like any agent leg.
            await MediaAsync(media => media.DropLegAsync(CallId, supervisorId));
        }
        return decision.ToResult();
    }

    /// <summary>Handles the front end's reports about a listening supervisor's leg (the supervisor's id in place of an
    /// agent's); false for any other report.</summary>
    private async Task<bool> OnListenInMediaEventAsync(CallState before, CallMediaEvent mediaEvent)
    {
        (string SupervisorId, string Reason)? leg = mediaEvent switch
        {
            AgentLegFailed failed => (failed.AgentId, failed.Reason.ToString()),
            AgentHungUp hungUp => (hungUp.AgentId, CallRules.ListenInHungUp),
            _ => null,
        };
        if (leg is not { } ended || before.FindListenIn(ended.SupervisorId) is null)
        {
            return false;
        }
        await CommitAsync("listen-in leg ended", CallRules.ListenInLegEnded(Current, ended.SupervisorId, ended.Reason, Now));
        return true;
    }
}
