using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Sessions;

/// <summary>Sending DTMF on a leg: RFC 4733 events paced at 20 ms, one digit after another with a gap between.</summary>
public sealed partial class MediaLeg
{
    private static readonly TimeSpan PacketInterval = TimeSpan.FromMilliseconds(20);

    private FramePacer? _dtmfPacer;
    private TaskCompletionSource? _dtmfDone;

    /// <summary>Sends <paramref name="digits"/> as telephone events; completes when the last end packet is sent.
    /// A send in progress is abandoned and its task cancelled.</summary>
    /// <exception cref="ArgumentException">A character is not a DTMF digit.</exception>
    public Task SendDigits(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var codes = digits.Select(DtmfEvent.ToCode).ToArray();
        var duration = (int)(_options.DtmfDuration.TotalSeconds * 8000);
        var gapPackets = (int)Math.Ceiling(_options.DtmfGap / PacketInterval);
        var sender = new TelephoneEventSender();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var next = 0;
        var gap = 0;
        FramePacer? pacer = null;
        pacer = new FramePacer(_time, PacketInterval, _ =>
        {
            if (!sender.IsActive)
            {
                if (gap > 0)
                {
                    gap--;
                    return;
                }
                if (next == codes.Length)
                {
                    pacer!.Stop();
                    done.TrySetResult();
                    return;
                }
                sender.Start(codes[next++], _session.Outbound.NextTimestamp, duration);
            }
            if (sender.TryNextPacket(out var packet))
            {
                _session.SendTelephoneEvent(TelephoneEventPayloadType, packet);
            }
            if (!sender.IsActive)
            {
                gap = gapPackets;
            }
        }, _scheduler);
        Interlocked.Exchange(ref _dtmfPacer, pacer)?.Stop();
        Interlocked.Exchange(ref _dtmfDone, done)?.TrySetCanceled();
        pacer.Start();
        return done.Task;
    }

    private void StopDigits()
    {
        Volatile.Read(ref _dtmfPacer)?.Stop();
        Volatile.Read(ref _dtmfDone)?.TrySetCanceled();
    }
}
