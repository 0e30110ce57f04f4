using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Sessions;

/// <summary>Where a leg's received audio goes: a bridge (relay, recording) or a mixer. One at a time per leg.</summary>
internal interface IMediaSink
{
    /// <summary>Audio of <paramref name="leg"/>'s codec, on that leg's receive loop.</summary>
    void OnAudio(MediaLeg leg, RtpPacket packet, TimeSpan arrival);
}
