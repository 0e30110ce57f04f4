using Microsoft.Extensions.Logging;

namespace ContactCenter.Actors.Diagnostics;

/// <summary>The runtime's log events, source-generated. Event ids 1000–1999 are stable: operators alert on them.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(1001, LogLevel.Information, "Silo {Silo} ({Site}) joined the cluster")]
    public static partial void SiloJoined(this ILogger logger, SiloAddress silo, string site);

    [LoggerMessage(1002, LogLevel.Information, "Silo {Silo} left the cluster")]
    public static partial void SiloLeft(this ILogger logger, SiloAddress silo);

    [LoggerMessage(1003, LogLevel.Warning, "Voted {Suspect} dead: no heartbeat for {Age} (cluster version {Version})")]
    public static partial void VotedDead(this ILogger logger, SiloAddress suspect, TimeSpan age, long version);

    [LoggerMessage(1004, LogLevel.Warning, "Lease expired ({Age} since the last renewal was sent): pausing all activations of {Silo}")]
    public static partial void Fenced(this ILogger logger, TimeSpan age, SiloAddress silo);

    [LoggerMessage(1005, LogLevel.Information, "Lease renewed after a gap: resuming activations of {Silo}")]
    public static partial void Unfenced(this ILogger logger, SiloAddress silo);

    [LoggerMessage(1006, LogLevel.Error, "The cluster declared this process ({Silo}) dead: dropping {Count} activations")]
    public static partial void DeclaredDead(this ILogger logger, SiloAddress silo, int count);

    [LoggerMessage(1009, LogLevel.Warning, "Rejoined the cluster as {Silo}")]
    public static partial void Rejoined(this ILogger logger, SiloAddress silo);

    [LoggerMessage(1007, LogLevel.Warning, "Heartbeat failed")]
    public static partial void HeartbeatFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1008, LogLevel.Debug, "Membership view changed: version {Version}, {Active} active silos")]
    public static partial void ViewChanged(this ILogger logger, long version, int active);

    [LoggerMessage(1101, LogLevel.Error, "Activation of {Grain} failed")]
    public static partial void ActivationFailed(this ILogger logger, GrainId grain, Exception exception);

    [LoggerMessage(1102, LogLevel.Warning, "Deactivation of {Grain} failed")]
    public static partial void DeactivationFailed(this ILogger logger, GrainId grain, Exception exception);

    [LoggerMessage(1103, LogLevel.Warning, "Timer tick of {Grain} failed")]
    public static partial void TimerFailed(this ILogger logger, GrainId grain, Exception exception);

    [LoggerMessage(1104, LogLevel.Warning, "One-way call {Call} failed")]
    public static partial void OneWayFailed(this ILogger logger, string call, Exception exception);

    [LoggerMessage(1105, LogLevel.Warning, "Snapshot of {Grain}'s journal at version {Version} failed; its events are confirmed")]
    public static partial void SnapshotFailed(this ILogger logger, GrainId grain, long version, Exception exception);

    [LoggerMessage(1201, LogLevel.Warning, "Connection to {Peer} closed")]
    public static partial void ConnectionClosed(this ILogger logger, string peer, Exception? exception);

    [LoggerMessage(1202, LogLevel.Warning, "Dropped an undecodable frame from {Peer}")]
    public static partial void UndecodableFrame(this ILogger logger, string peer, Exception exception);

    [LoggerMessage(1203, LogLevel.Warning, "Refused a connection meant for {Intended} (this process is {Actual})")]
    public static partial void WrongRecipient(this ILogger logger, SiloAddress intended, SiloAddress actual);

    [LoggerMessage(1204, LogLevel.Warning, "Could not send {Message}")]
    public static partial void EncodeFailed(this ILogger logger, string message, Exception exception);

    [LoggerMessage(1301, LogLevel.Warning, "Reminder {Reminder} of {Grain} failed")]
    public static partial void ReminderFailed(this ILogger logger, string reminder, GrainId grain, Exception exception);

    [LoggerMessage(1302, LogLevel.Warning, "Reading reminders failed")]
    public static partial void ReminderReadFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1401, LogLevel.Warning, "Stream delivery to {Subscriber} failed")]
    public static partial void StreamDeliveryFailed(this ILogger logger, string subscriber, Exception exception);
}
