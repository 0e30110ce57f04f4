using ContactCenter.Interop.Tests.Audio;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>What one party should hear on its leg of a call: the tones of <see cref="Heard"/> and none of
/// <see cref="NotHeard"/>.</summary>
internal sealed record Hearing(Party Listener, MediaPeer Peer, string Leg, Party[] Heard, Party[] NotHeard)
{
    /// <summary>How much of each leg's audio is analysed: 50 frames of 20 ms.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>Records <see cref="Window"/> of what every listener's leg receives, all at the same time, then checks
    /// each by tone.</summary>
    public static async Task ExpectAsync(TimeSpan timeout, CancellationToken cancellationToken, params Hearing[] hearings)
    {
        var heard = await Task.WhenAll(hearings.Select(hearing => hearing.Peer.ListenAsync(hearing.Leg, Window, timeout, cancellationToken)));
        for (var i = 0; i < hearings.Length; i++)
        {
            ToneAssert.Hears(hearings[i].Listener.Name, heard[i], MediaPeer.ToneAmplitude, hearings[i].Heard, hearings[i].NotHeard);
        }
    }
}
