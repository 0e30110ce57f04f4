using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Calls;

/// <summary>Recording (REC-1): a site that records calls (<see cref="SiteSettings.RecordCalls"/>) records every call from
/// its first connection (<see cref="CallRules.StartRecording"/>, added to the connecting decision), and the agent may
/// pause and resume it (<see cref="CallRules.SetRecording"/>); the front end follows each recording event. The file's
/// channels are the customer (left) and whoever talks to them (right); the front end finishes it when the call ends.</summary>
internal sealed partial class CallGrain
{
    /// <summary>Whether the site records calls; the default (yes) when no settings source is registered.</summary>
    private async Task<bool> RecordsCallsAsync() =>
        _site is null || (await _site.GetSiteSettingsAsync()).RecordCalls;

    /// <summary>Tells the front end of the recording changes <paramref name="decision"/> made.</summary>
    private async Task RecordAsync(CallDecision decision)
    {
        foreach (var change in decision.Events)
        {
            RecordingCommand? command = change switch
            {
                CallRecordingStarted => RecordingCommand.Start,
                CallRecordingPaused => RecordingCommand.Pause,
                CallRecordingResumed => RecordingCommand.Resume,
                _ => null,
            };
            if (command is { } recording)
            {
                await MediaAsync(media => media.RecordAsync(CallId, recording));
            }
        }
    }
}
