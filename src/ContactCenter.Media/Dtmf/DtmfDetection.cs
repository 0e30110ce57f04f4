namespace ContactCenter.Media.Dtmf;

/// <summary>A DTMF digit reported by <see cref="TelephoneEventDetector"/>.</summary>
/// <param name="Digit">'0'–'9', '*', '#', 'A'–'D'.</param>
/// <param name="Timestamp">RTP timestamp of the event start (of the first segment seen).</param>
/// <param name="Volume">Power level in -dBm0 from the packet that revealed the event.</param>
public readonly record struct DtmfDetection(char Digit, uint Timestamp, byte Volume);
