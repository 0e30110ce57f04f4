using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls.Media;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Grains.Agents;

/// <summary>The persistent line (<see cref="Contracts.Configuration.LineMode.PersistentLine"/>, CALL-4): after every
/// accepted change the grain makes the line match the state (<see cref="AgentRules.ShouldOpenLine"/>,
/// <see cref="AgentRules.CloseLine"/>) — it asks a front end of the silo's site to open one when an available agent with
/// such a profile has none (log-in, resume after a loss), and closes it at log-out. The front end reports back through
/// <see cref="OnLineEventAsync"/>; a lost line pauses the agent (<see cref="AgentRules.LineLostPauseCode"/>), so offers
/// stop until the agent resumes and the phone is called again.</summary>
/// <remarks>The front end that holds the line is the one that plays offers into it; a call arriving on another front end
/// is relayed into it through the offer address the line-up report gave (<see cref="GetLineOfferAddressAsync"/>). The
/// grain watches the line's front end: when its process is declared dead, the line
/// is lost as if the phone had hung up.</remarks>
internal sealed partial class AgentGrain
{
    // Transient: the watch on the process of the front end holding the line, and which line it is for; re-created from
    // the state after every change and on activation.
    private (string LineId, IDisposable Watch)? _lineWatch;

    public Task OnLineEventAsync(AgentLineEvent lineEvent)
    {
        ArgumentNullException.ThrowIfNull(lineEvent);
        if (!lineEvent.Up)
        {
            LogLineLost(AgentId, lineEvent.LineId, lineEvent.Reason);
        }
        var decision = lineEvent.Up
            ? AgentRules.LineUp(Current, lineEvent.LineId, lineEvent.OfferAddress, Now)
            : AgentRules.LineLost(Current, lineEvent.LineId, lineEvent.Reason, Now);
        return CommitAsync(lineEvent.Up ? "line up" : "line lost", decision);
    }

    public Task<string?> GetLineOfferAddressAsync() =>
        Task.FromResult(Current.Line is { Up: true } line ? line.OfferAddress : null);

    /// <summary>Opens or closes the line as the state asks, and watches the front end holding it. Runs after every
    /// accepted change; the changes it makes itself leave nothing more to do, so it runs once more at most.</summary>
    private async Task SyncLineAsync()
    {
        WatchLine();
        if (AgentRules.ShouldOpenLine(Current))
        {
            var lineId = Guid.NewGuid().ToString("N");
            var media = await PickFrontEndAsync();
            await CommitAsync("open line", AgentRules.OpenLine(Current, lineId, media, Now));
            if (media is null || Current.Line?.LineId != lineId)
            {
                return;
            }
            LogLineOpening(AgentId, lineId);
            try
            {
                await media.OpenLineAsync(AgentId, lineId);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await CommitAsync("line lost", AgentRules.LineLost(Current, lineId, $"the front end failed: {exception.Message}", Now));
            }
        }
        else if (Current.Line is { } line && !AgentRules.WantsLine(Current))
        {
            await CommitAsync("close line", AgentRules.CloseLine(Current, Now));
            try
            {
                await line.Media.CloseLineAsync(AgentId, line.LineId);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The front end is gone, and the line with it.
                LogFrontEndUnreachable(AgentId, line.LineId, exception.Message);
            }
        }
    }

    /// <summary>Keeps one watch on the process of the front end holding the line (none without a line).</summary>
    private void WatchLine()
    {
        var line = Current.Line;
        if (_lineWatch is { } watched && watched.LineId == line?.LineId)
        {
            return;
        }
        _lineWatch?.Watch.Dispose();
        _lineWatch = null;
        if (line is not null)
        {
            var lineId = line.LineId;
            _lineWatch = (lineId, WatchObserver(line.Media, () => OnLineFrontEndGoneAsync(lineId)));
        }
    }

    private Task OnLineFrontEndGoneAsync(string lineId)
    {
        LogLineLost(AgentId, lineId, "the front end's process was declared dead");
        return CommitAsync("line lost", AgentRules.LineLost(Current, lineId, "the front end's process was declared dead", Now));
    }

    /// <summary>A live front end, one of this silo's site when there is one; null when none runs (or the registry cannot
    /// be asked).</summary>
    private async Task<ICallMedia?> PickFrontEndAsync()
    {
        try
        {
            return await GrainFactory.GetGrain<ICallMediaRegistry>(ICallMediaRegistry.Key).PickAsync(_site);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFrontEndUnreachable(AgentId, "(new)", exception.Message);
            return null;
        }
    }

    [LoggerMessage(4106, LogLevel.Information, "Agent {AgentId}: opening persistent line {LineId}")]
    private partial void LogLineOpening(string agentId, string lineId);

    [LoggerMessage(4107, LogLevel.Warning, "Agent {AgentId}: persistent line {LineId} lost: {Reason}")]
    private partial void LogLineLost(string agentId, string lineId, string? reason);

    [LoggerMessage(4108, LogLevel.Warning, "Agent {AgentId}: persistent line {LineId}: the front end could not be reached: {Error}")]
    private partial void LogFrontEndUnreachable(string agentId, string lineId, string error);
}
