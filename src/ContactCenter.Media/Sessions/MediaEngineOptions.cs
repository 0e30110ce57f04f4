using ContactCenter.Media.Jitter;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Sessions;

/// <summary>Settings of the <see cref="MediaEngine"/>, bound from configuration section <c>Media</c> by the host.</summary>
public sealed class MediaEngineOptions
{
    /// <summary>RTP sockets, port range, inactivity and RTCP timing.</summary>
    public RtpTransportOptions Transport { get; set; } = new();

    /// <summary>Jitter buffers of bridges that record and of mixers.</summary>
    public JitterBufferOptions Jitter { get; set; } = new();

    /// <summary>Directory of call recordings. Default "recordings" (relative to the working directory).</summary>
    public string RecordingDirectory { get; set; } = "recordings";

    /// <summary>RTP payload type of telephone-event when SDP did not say. Default 101, the common choice.</summary>
    public byte TelephoneEventPayloadType { get; set; } = 101;

    /// <summary>Length of each DTMF digit sent. Default 100 ms (above the 40 ms minimum of ITU-T Q.24).</summary>
    public TimeSpan DtmfDuration { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Pause between DTMF digits sent. Default 60 ms.</summary>
    public TimeSpan DtmfGap { get; set; } = TimeSpan.FromMilliseconds(60);

    /// <summary>Timers of the engine's <see cref="Timing.FrameScheduler"/>, which paces every prompt, DTMF sender,
    /// recording and mixer of the engine in 2 ms slots of the 20 ms frame; 0 for one per processor. Default 0.</summary>
    public int PacingLanes { get; set; }

    /// <summary>Nice value the engine's receive and pacing threads ask for (Linux): their work is small, but done late
    /// it is heard as jitter. Below 0 needs CAP_SYS_NICE; without it the threads keep the process's priority (logged
    /// once). 0 leaves them as they are. Default 0: a dedicated media host should set -10 (it is not the default
    /// because every engine of a shared machine, tests and tools included, would otherwise take the priority).</summary>
    public int ThreadNice { get; set; }

    /// <summary>Throws when the settings are inconsistent.</summary>
    public void Validate()
    {
        Transport.Validate();
        Jitter.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(RecordingDirectory, nameof(RecordingDirectory));
        ArgumentOutOfRangeException.ThrowIfLessThan(TelephoneEventPayloadType, (byte)96, nameof(TelephoneEventPayloadType));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(TelephoneEventPayloadType, (byte)127, nameof(TelephoneEventPayloadType));
        ArgumentOutOfRangeException.ThrowIfLessThan(DtmfDuration, TimeSpan.FromMilliseconds(40), nameof(DtmfDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(DtmfGap, TimeSpan.FromMilliseconds(20), nameof(DtmfGap));
        ArgumentOutOfRangeException.ThrowIfNegative(PacingLanes, nameof(PacingLanes));
        ArgumentOutOfRangeException.ThrowIfLessThan(ThreadNice, -20, nameof(ThreadNice));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ThreadNice, 19, nameof(ThreadNice));
    }
}
