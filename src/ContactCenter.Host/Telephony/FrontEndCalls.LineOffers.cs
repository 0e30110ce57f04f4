using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Host.Telephony;

/// <summary>Offers on persistent lines (see <c>FrontEndCalls.Lines.cs</c>): the offer tone, the accept key or the
/// workspace's answer, the ring timeout, and giving the line back when the call is done with it.</summary>
internal sealed partial class FrontEndCalls
{
    /// <summary>An offer for the agent whose line this front end holds: the call's leg runs on the line. Plays the offer
    /// tone once the line is up (an agent's own outbound call connects at once); a line already serving another call
    /// reports the agent busy.</summary>
    private async Task RingLineAsync(FrontEndCall call, FrontEndAgentLeg agent, FrontEndLine line, AgentLegRequest request)
    {
        try
        {
            if (call.Outbound && !await IsOutboundCallAsync(call))
            {
                return;
            }
            await EndStaleRelayAsync(line);
            bool up;
            AgentLegFailure? refused = null;
            // Both locks (the call's first): a drop that comes now finds the leg on the line and gives the line back.
            lock (call.Sync)
            {
                if (agent.Dropped || call.Ended)
                {
                    return;
                }
                agent.Line = line;
                agent.Media = line.Media;
                lock (line.Sync)
                {
                    up = line.Up;
                    if (line.Ended || line.Leg is not null || line.Relay is not null)
                    {
                        refused = line.Ended ? AgentLegFailure.Unreachable : AgentLegFailure.Busy;
                    }
                    else
                    {
                        line.Call = call;
                        line.Leg = agent;
                        var timeout = request.RingTimeout > TimeSpan.Zero ? request.RingTimeout : _options.DefaultRingTimeout;
                        line.OfferTimer = _time.CreateTimer(_ => LineRangOut(call, agent), null, timeout, Timeout.InfiniteTimeSpan);
                    }
                }
            }
            if (refused is { } reason)
            {
                // The line ended meanwhile, or serves another call (a consultation while the agent talks).
                LogAgentLegFailed(_logger, call.CallId, agent.AgentId, reason == AgentLegFailure.Busy ? 486 : 480, reason);
                Failed(call, agent, reason);
                return;
            }
            if (up)
            {
                OfferOnLine(line, call, agent);
            }
        }
        catch (Exception exception)
        {
            LogAgentLegError(_logger, call.CallId, agent.AgentId, exception);
            Failed(call, agent, AgentLegFailure.Unreachable);
        }
    }

    /// <summary>The line is up with an offer on it: connects an outbound call or an offer accepted already in the
    /// workspace, else plays the offer tone.</summary>
    private void OfferOnLine(FrontEndLine line, FrontEndCall call, FrontEndAgentLeg agent)
    {
        bool accepted;
        lock (call.Sync)
        {
            accepted = agent.Accepted || call.Outbound;
        }
        if (accepted)
        {
            LineAccepted(line, call, agent, "workspace");
            return;
        }
        lock (line.Sync)
        {
            if (line.Leg == agent && !line.Ended)
            {
                _ = line.Media.Play(FrontEndTones.Offer, loop: true);
            }
        }
        LogLineOffer(_logger, call.CallId, agent.AgentId, line.LineId);
    }

    /// <summary>The agent took the offer on the line: the leg is answered (the grain bridges it).</summary>
    private void LineAccepted(FrontEndLine line, FrontEndCall call, FrontEndAgentLeg agent, string how)
    {
        lock (line.Sync)
        {
            if (line.Leg != agent || line.Ended || !line.Up)
            {
                return;
            }
            line.OfferTimer?.Dispose();
            line.OfferTimer = null;
            line.Media.StopPlayout();
        }
        lock (call.Sync)
        {
            if (agent.Dropped || call.Ended || agent.Answered)
            {
                return;
            }
            agent.Answered = true;
        }
        LogLineAccepted(_logger, call.CallId, agent.AgentId, how);
        _metrics.AgentLegs.Add(1, new KeyValuePair<string, object?>("outcome", "answered"));
        Report(call, new AgentAnswered(call.CallId, agent.AgentId));
    }

    private void LineDigit(FrontEndLine line, char digit)
    {
        if (digit != AcceptDigit)
        {
            return;
        }
        FrontEndCall? call;
        FrontEndAgentLeg? agent;
        FrontEndLineRelay? relay;
        lock (line.Sync)
        {
            (call, agent, relay) = (line.Call, line.Leg, line.Relay);
        }
        if (call is not null && agent is not null)
        {
            LineAccepted(line, call, agent, $"key {digit}");
        }
        else if (relay is not null)
        {
            _ = AcceptRelayedOfferAsync(line, relay);
        }
    }

    private void LineRangOut(FrontEndCall call, FrontEndAgentLeg agent)
    {
        lock (call.Sync)
        {
            if (agent.Answered)
            {
                return;
            }
        }
        LogAgentLegFailed(_logger, call.CallId, agent.AgentId, 408, AgentLegFailure.NoAnswer);
        Failed(call, agent, AgentLegFailure.NoAnswer);
    }

    /// <summary>The call is done with the line (<see cref="EndAgentLeg"/>): it goes back to silence, up for the next
    /// offer.</summary>
    private static void ReleaseLine(FrontEndLine line, FrontEndAgentLeg agent)
    {
        lock (line.Sync)
        {
            if (line.Leg != agent)
            {
                return;
            }
            line.Call = null;
            line.Leg = null;
            line.OfferTimer?.Dispose();
            line.OfferTimer = null;
            if (line.Up && !line.Ended)
            {
                _ = line.Media.Play(FrontEndTones.Silence, loop: true);
            }
        }
    }

    [LoggerMessage(224, LogLevel.Information, "Telephony: call {CallId} is offered to agent {AgentId} on persistent line {LineId}")]
    private static partial void LogLineOffer(ILogger logger, string callId, string agentId, string lineId);

    [LoggerMessage(225, LogLevel.Information, "Telephony: call {CallId}: agent {AgentId} took the offer on the line ({How})")]
    private static partial void LogLineAccepted(ILogger logger, string callId, string agentId, string how);
}
