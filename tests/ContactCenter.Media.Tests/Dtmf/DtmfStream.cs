using ContactCenter.Media.Dtmf;

namespace ContactCenter.Media.Tests.Dtmf;

/// <summary>Builds telephone-event packet streams with <see cref="TelephoneEventSender"/> for the detector tests.</summary>
internal static class DtmfStream
{
    public sealed record Press(char Digit, int Duration, int GapPackets);

    public sealed record Sent(int EventIndex, ushort Sequence, TelephoneEventPacket Packet);

    public static List<Sent> Build(IReadOnlyList<Press> presses, uint startTimestamp = 1000, ushort startSequence = 65000)
    {
        var packets = new List<Sent>();
        var sender = new TelephoneEventSender();
        var timestamp = startTimestamp;
        var sequence = startSequence;
        for (var i = 0; i < presses.Count; i++)
        {
            sender.Start(DtmfEvent.ToCode(presses[i].Digit), timestamp, presses[i].Duration);
            var slots = 0;
            while (sender.TryNextPacket(out var packet))
            {
                packets.Add(new Sent(i, sequence++, packet));
                slots++;
            }
            timestamp = unchecked(timestamp + (uint)((slots + presses[i].GapPackets) * 160));
        }
        return packets;
    }

    public static string Detect(IEnumerable<Sent> packets)
    {
        var detector = new TelephoneEventDetector();
        var digits = new System.Text.StringBuilder();
        var buffer = new byte[TelephoneEventPayload.Length];
        foreach (var sent in packets)
        {
            sent.Packet.Payload.Write(buffer);
            if (detector.TryDetect(sent.Packet.Marker, sent.Packet.Timestamp, buffer, out var detection))
            {
                digits.Append(detection.Digit);
            }
        }
        return digits.ToString();
    }
}
