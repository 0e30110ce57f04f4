namespace ContactCenter.Host.Telephony;

/// <summary>The tones the front end makes itself (8 kHz samples, played in a loop) rather than reading prompt files.</summary>
internal static class FrontEndTones
{
    /// <summary>The offer tone an agent hears on a persistent line or an auto-answered phone: two short 1 kHz beeps every
    /// three seconds.</summary>
    public static readonly short[] Offer = [.. Enumerable.Range(0, 3 * 8000).Select(i =>
        i is < 1200 or (>= 2400 and < 3600) ? (short)(6000 * Math.Sin(2 * Math.PI * 1000 * i / 8000.0)) : (short)0)];

    /// <summary>What an idle persistent line hears: silence, sent as RTP so that phones and carriers keep the call.</summary>
    public static readonly short[] Silence = new short[8000];
}
