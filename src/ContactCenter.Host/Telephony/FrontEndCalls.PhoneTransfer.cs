using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Sip.UserAgents;
using ContactCenter.Storage.Documents;

namespace ContactCenter.Host.Telephony;

/// <summary>A blind transfer from the agent's phone (its transfer key: REFER, RFC 3515). The Refer-To's user part names
/// the target as the phone's user dialled it: another agent (their SIP user name or profile id), a queue (one of its
/// numbers or its id), or else an external number. The REFER gets 202 at once and the call grain decides as for a
/// transfer from the workspace; the final NOTIFY tells the outcome: 200 once the agent's leg is let go (the transfer
/// went through), 503 when the grain gives the customer back to the agent, 404/403 when the grain refused. A REFER with
/// Replaces is an attended transfer between two calls of the phone (<c>FrontEndCalls.AttendedTransfer.cs</c>); a REFER
/// from a caller is declined.</summary>
internal sealed partial class FrontEndCalls
{
    public void OnTransferRequested(SipCall call, SipTransferRequest transfer)
    {
        if (!_bySipCallId.TryGetValue(call.CallId, out var entry) || entry.AgentId is not { } agentId || FindPhoneLeg(entry.Call, agentId, call.CallId) is not { } leg)
        {
            LogPhoneTransferRefused(_logger, call.CallId, "the REFER did not come from an agent's answered leg");
            transfer.Reject(603);
            return;
        }
        if (transfer.Replaces is not null)
        {
            AttendedTransferFromPhone(entry.Call, leg, transfer);
            return;
        }
        if (!leg.TryStartPhoneTransfer(transfer))
        {
            LogPhoneTransferRefused(_logger, call.CallId, "a transfer from the phone is pending already");
            transfer.Reject(491);
            return;
        }
        transfer.Accept();
        _ = TransferFromPhoneAsync(entry.Call, leg, transfer);
    }

    private async Task TransferFromPhoneAsync(FrontEndCall call, FrontEndAgentLeg leg, SipTransferRequest transfer)
    {
        var refusal = 403;
        try
        {
            var dialled = transfer.Target.User;
            if (string.IsNullOrWhiteSpace(dialled) || await ResolveTransferTargetAsync(dialled) is not { } target)
            {
                LogPhoneTransferRefused(_logger, transfer.Call.CallId, $"nothing to transfer to at '{dialled}'");
                refusal = 404;
            }
            else
            {
                LogPhoneTransfer(_logger, call.CallId, leg.AgentId, target.Kind, target.Value);
                var result = await _grains.GetGrain<ICallGrain>(call.CallId).BlindTransferAsync(leg.AgentId, new CallTransfer(target));
                if (result.Succeeded)
                {
                    return;
                }
                LogPhoneTransferRefused(_logger, transfer.Call.CallId, $"the call refused: {result.Error} {result.Message}");
                refusal = result.Error == CallCommandError.InvalidRequest ? 404 : 403;
            }
        }
        catch (Exception exception)
        {
            LogPhoneTransferFailed(_logger, call.CallId, exception);
            refusal = 500;
        }
        if (leg.TakePhoneTransfer() is { } pending)
        {
            _ = Notify(pending, refusal);
        }
    }

    /// <summary>What the phone's user dialled: an agent by SIP user name or profile id, a queue by number or id, or else
    /// a number to dial out; null when it is none of these.</summary>
    private async Task<RoutingTarget?> ResolveTransferTargetAsync(string dialled)
    {
        await foreach (var profile in _store.ReadAllAsync<AgentProfile>())
        {
            if (profile.Id == dialled || profile.SipUsername == dialled)
            {
                return new RoutingTarget(RoutingTargetKind.Agent, profile.Id);
            }
        }
        if (await _store.GetAsync<InboundNumber>(dialled) is { Target: InboundNumberTargetKind.Queue } number)
        {
            return new RoutingTarget(RoutingTargetKind.Queue, number.TargetId);
        }
        if (await _store.GetAsync<Queue>(dialled) is { } queue)
        {
            return new RoutingTarget(RoutingTargetKind.Queue, queue.Id);
        }
        return dialled.All(c => char.IsAsciiDigit(c) || c is '+' or '*' or '#')
            ? new RoutingTarget(RoutingTargetKind.ExternalNumber, dialled)
            : null;
    }

    /// <summary>The leg goes (the transfer went through, or the call ended): a phone that asked for a transfer hears that
    /// it succeeded. Completes when the phone answered that NOTIFY (at once when there was none), so the BYE comes after
    /// it rather than crossing it.</summary>
    private static Task PhoneTransferDone(FrontEndAgentLeg agent) =>
        agent.TakePhoneTransfer() is { } transfer ? Notify(transfer, 200) : Task.CompletedTask;

    /// <summary>The grain gives the customer back to <paramref name="agentId"/> (the transfer failed): a phone that asked
    /// for a transfer hears that it failed, and has the customer again.</summary>
    private static void PhoneTransferFailedLocked(FrontEndCall call, string agentId)
    {
        if (call.Agents.TryGetValue(agentId, out var agent) && agent.TakePhoneTransfer() is { } transfer)
        {
            _ = Notify(transfer, 503);
        }
    }

    /// <summary>Sends the transfer's final NOTIFY; the task completes when the phone answered it, or could not be told (it
    /// hung up first), never faulting.</summary>
    private static Task Notify(SipTransferRequest transfer, int status)
    {
        try
        {
            return transfer.ReportProgressAsync(status).ContinueWith(static t => t.Exception, CancellationToken.None,
                TaskContinuationOptions.None, TaskScheduler.Default);
        }
        catch (InvalidOperationException)
        {
            // The subscription ended already.
            return Task.CompletedTask;
        }
    }

    [LoggerMessage(240, LogLevel.Information, "Telephony: call {CallId}: agent {AgentId}'s phone transfers the call to {Kind} {Target}")]
    private static partial void LogPhoneTransfer(ILogger logger, string callId, string agentId, RoutingTargetKind kind, string target);

    [LoggerMessage(241, LogLevel.Information, "Telephony: a transfer from the phone (REFER in SIP call {SipCallId}) declined: {Reason}")]
    private static partial void LogPhoneTransferRefused(ILogger logger, string sipCallId, string reason);

    [LoggerMessage(242, LogLevel.Error, "Telephony: the phone's transfer of call {CallId} failed")]
    private static partial void LogPhoneTransferFailed(ILogger logger, string callId, Exception exception);
}
