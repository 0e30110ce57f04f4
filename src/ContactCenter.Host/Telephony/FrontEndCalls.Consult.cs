using ContactCenter.Media.Mixing;
using ContactCenter.Media.Sessions;

namespace ContactCenter.Host.Telephony;

internal sealed partial class FrontEndCalls
{
    /// <summary>Connects the call's agent with the consulted agent's answered leg while the customer holds (the grain
    /// held the customer before it rang the consulted agent). Bridging the customer again or a conference ends it.</summary>
    public Task ConsultAsync(string callId, string agentId)
    {
        if (!TryGetCall(callId, nameof(ConsultAsync), out var call))
        {
            return Task.CompletedTask;
        }
        lock (call.Sync)
        {
            if (call.Ended || !TryGetSecondAgentLocked(call, agentId, nameof(ConsultAsync), out var agent, out var consulted))
            {
                return Task.CompletedTask;
            }
            EndSupervisionLocked(call);
            EndConferenceLocked(call);
            EndConsultationLocked(call);
            if (call.Bridge is { } bridge && bridge.Agent == agent)
            {
                // Not held (the grain holds first): the customer's recording waits for the customer's next bridge.
                call.ParkedRecording ??= bridge.DetachRecording();
                bridge.Dispose();
                call.Bridge = null;
            }
            try
            {
                call.Consultation = _engine.Bridge(agent, consulted);
            }
            catch (InvalidOperationException exception)
            {
                LogSecondAgentMediaFailed(_logger, callId, agentId, nameof(ConsultAsync), exception);
                return Task.CompletedTask;
            }
        }
        LogConsulting(_logger, callId, call.BridgedAgentId, agentId);
        return Task.CompletedTask;
    }

    /// <summary>Mixes the customer, the call's agent and the consulted agent (everyone hears everyone else), in place of
    /// the customer's bridge and the consultation; a running recording moves to the mix (customer and call's agent).</summary>
    public Task ConferenceAsync(string callId, string agentId)
    {
        if (!TryGetCall(callId, nameof(ConferenceAsync), out var call))
        {
            return Task.CompletedTask;
        }
        lock (call.Sync)
        {
            if (call.Ended || !TryGetSecondAgentLocked(call, agentId, nameof(ConferenceAsync), out var agent, out var consulted))
            {
                return Task.CompletedTask;
            }
            if (call.Conference is { } existing && existing.Legs.Contains(consulted))
            {
                return Task.CompletedTask;
            }
            EndSupervisionLocked(call);
            EndConferenceLocked(call);
            EndConsultationLocked(call);
            if (call.Bridge is { } bridge)
            {
                call.ParkedRecording ??= bridge.DetachRecording();
                bridge.Dispose();
                call.Bridge = null;
            }
            call.Held = false;
            call.PlaybackEndsAt = null;
            call.CallerMedia.StopPlayout();
            try
            {
                call.Conference = _engine.Mix([call.CallerMedia, agent, consulted], HearingMatrix.Conference(3));
            }
            catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
            {
                LogSecondAgentMediaFailed(_logger, callId, agentId, nameof(ConferenceAsync), exception);
                return Task.CompletedTask;
            }
            if (call.ParkedRecording is { } parked)
            {
                call.ParkedRecording = null;
                call.Conference.AttachRecording(parked);
            }
        }
        LogConference(_logger, callId, call.BridgedAgentId, agentId);
        return Task.CompletedTask;
    }

    /// <summary>The answered legs of the call's agent (<see cref="FrontEndCall.BridgedAgentId"/>) and of the second
    /// agent; false (logged) when either is missing.</summary>
    private bool TryGetSecondAgentLocked(FrontEndCall call, string agentId, string command, out MediaLeg agent, out MediaLeg second)
    {
        agent = null!;
        second = null!;
        if (call.BridgedAgentId is not { } callAgentId || callAgentId == agentId
            || !call.Agents.TryGetValue(callAgentId, out var callAgent) || callAgent is not { Answered: true, Media: { } callAgentMedia }
            || !call.Agents.TryGetValue(agentId, out var secondAgent) || secondAgent is not { Answered: true, Media: { } secondMedia })
        {
            LogNoSecondAgent(_logger, call.CallId, command, call.BridgedAgentId, agentId);
            return false;
        }
        agent = callAgentMedia;
        second = secondMedia;
        return true;
    }

    /// <summary>Ends the agents' consultation (both legs stay up).</summary>
    private static void EndConsultationLocked(FrontEndCall call)
    {
        call.Consultation?.Dispose();
        call.Consultation = null;
    }

    /// <summary>Ends the conference (the legs stay up); its recording is parked for the customer's next bridge.</summary>
    private static void EndConferenceLocked(FrontEndCall call)
    {
        if (call.Conference is not { } conference)
        {
            return;
        }
        call.Conference = null;
        call.ParkedRecording ??= conference.DetachRecording();
        conference.Dispose();
    }

    /// <summary>Takes a leaving agent's leg out of a consultation or conference; after a conference, the customer talks
    /// to the call's agent again when that agent stays.</summary>
    private void LeaveSecondAgentMediaLocked(FrontEndCall call, FrontEndAgentLeg leaving)
    {
        if (leaving.Media is not { } media)
        {
            return;
        }
        if (call.Consultation is { } consultation && (consultation.Caller == media || consultation.Agent == media))
        {
            EndConsultationLocked(call);
        }
        if (call.Conference is { } conference && conference.Legs.Contains(media))
        {
            EndConferenceLocked(call);
            if (!call.Held && call.BridgedAgentId is { } agentId && agentId != leaving.AgentId)
            {
                BridgeLocked(call);
            }
        }
    }

    [LoggerMessage(213, LogLevel.Information, "Telephony: call {CallId}: agent {AgentId} consults agent {SecondAgentId}")]
    private static partial void LogConsulting(ILogger logger, string callId, string? agentId, string secondAgentId);

    [LoggerMessage(214, LogLevel.Information, "Telephony: call {CallId}: conference of the customer, agent {AgentId} and agent {SecondAgentId}")]
    private static partial void LogConference(ILogger logger, string callId, string? agentId, string secondAgentId);

    [LoggerMessage(215, LogLevel.Warning, "Telephony: call {CallId}: {Command} needs the answered legs of agents {AgentId} and {SecondAgentId}")]
    private static partial void LogNoSecondAgent(ILogger logger, string callId, string command, string? agentId, string secondAgentId);

    [LoggerMessage(216, LogLevel.Warning, "Telephony: call {CallId}: {Command} with agent {SecondAgentId} failed in the media engine")]
    private static partial void LogSecondAgentMediaFailed(ILogger logger, string callId, string secondAgentId, string command, Exception exception);
}
