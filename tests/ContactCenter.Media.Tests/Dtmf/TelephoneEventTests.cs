using ContactCenter.Media.Dtmf;
using FsCheck;
using FsCheck.Fluent;

namespace ContactCenter.Media.Tests.Dtmf;

public sealed class TelephoneEventTests
{
    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('*', 10)]
    [InlineData('#', 11)]
    [InlineData('A', 12)]
    [InlineData('d', 15)]
    public void Digits_map_to_event_codes(char digit, byte code)
    {
        Assert.Equal(code, DtmfEvent.ToCode(digit));
        Assert.Equal(char.ToUpperInvariant(digit), DtmfEvent.ToChar(code));
    }

    [Fact]
    public void Non_digits_are_rejected()
    {
        Assert.False(DtmfEvent.TryGetCode('E', out _));
        Assert.Throws<ArgumentException>(() => DtmfEvent.ToCode('x'));
        Assert.Throws<ArgumentOutOfRangeException>(() => DtmfEvent.ToChar(16));
    }

    [Fact]
    public void Payload_has_the_rfc4733_layout()
    {
        var buffer = new byte[4];
        new TelephoneEventPayload(11, true, 10, 800).Write(buffer);
        Assert.Equal(new byte[] { 11, 0x8A, 0x03, 0x20 }, buffer);
        Assert.True(TelephoneEventPayload.TryParse([11, 0xCA, 0x03, 0x20], out var parsed));
        // The R bit (0x40) is ignored on receipt.
        Assert.Equal(new TelephoneEventPayload(11, true, 10, 800), parsed);
        Assert.False(TelephoneEventPayload.TryParse([1, 2, 3], out _));
    }

    [Fact]
    public void Sender_emits_start_updates_and_three_end_packets()
    {
        var sender = new TelephoneEventSender(packetDuration: 160, volume: 7);
        sender.Start(5, 4000, 800);
        var packets = new List<TelephoneEventPacket>();
        while (sender.TryNextPacket(out var p))
        {
            packets.Add(p);
        }
        Assert.Equal([true, false, false, false, false, false, false], packets.Select(p => p.Marker));
        Assert.All(packets, p => Assert.Equal(4000u, p.Timestamp));
        Assert.Equal([160, 320, 480, 640, 800, 800, 800], packets.Select(p => (int)p.Payload.Duration));
        Assert.Equal([false, false, false, false, true, true, true], packets.Select(p => p.Payload.End));
        Assert.All(packets, p => Assert.Equal(7, p.Payload.Volume));
        Assert.False(sender.IsActive);
    }

    [Fact]
    public void Short_event_sends_only_end_packets_the_first_marked()
    {
        var sender = new TelephoneEventSender();
        sender.Start(1, 0, 100);
        Assert.True(sender.TryNextPacket(out var first));
        Assert.True(first.Marker && first.Payload.End && first.Payload.Duration == 100);
        Assert.True(sender.TryNextPacket(out _));
        Assert.True(sender.TryNextPacket(out _));
        Assert.False(sender.TryNextPacket(out _));
    }

    [Fact]
    public void Long_press_is_split_into_segments_stepping_by_0xFFFF()
    {
        var sender = new TelephoneEventSender();
        sender.Start(3, uint.MaxValue - 100, 160_000);
        var packets = new List<TelephoneEventPacket>();
        while (sender.TryNextPacket(out var p))
        {
            packets.Add(p);
        }
        var segments = packets.Select(p => p.Timestamp).Distinct().ToList();
        Assert.Equal([uint.MaxValue - 100, unchecked(uint.MaxValue - 100 + 65535), unchecked(uint.MaxValue - 100 + (2 * 65535))], segments);
        Assert.Single(packets, p => p.Marker);
        Assert.Equal(2, packets.Count(p => p.Payload.Duration == ushort.MaxValue && !p.Payload.End));
        var end = packets[^1];
        Assert.True(end.Payload.End);
        Assert.Equal(160_000 - (2 * 65535), end.Payload.Duration);
    }

    [Fact]
    public void Detector_reports_each_digit_once_from_a_clean_stream()
    {
        var presses = "0123456789*#ABCD11".Select(d => new DtmfStream.Press(d, 800, 3)).ToList();
        Assert.Equal("0123456789*#ABCD11", DtmfStream.Detect(DtmfStream.Build(presses)));
    }

    [Fact]
    public void Detector_survives_lost_start_and_lost_end_packets()
    {
        var presses = new[] { new DtmfStream.Press('4', 800, 2), new DtmfStream.Press('4', 800, 2), new DtmfStream.Press('#', 480, 2) };
        var stream = DtmfStream.Build(presses);
        // Lose the first two packets of every event and all end packets of the first one.
        var survivors = stream
            .Where(s => stream.Where(o => o.EventIndex == s.EventIndex).Take(2).All(o => o.Sequence != s.Sequence))
            .Where(s => !(s.EventIndex == 0 && s.Packet.Payload.End));
        Assert.Equal("44#", DtmfStream.Detect(survivors));
    }

    [Fact]
    public void Detector_reports_a_long_press_once_and_a_following_press_of_the_same_digit()
    {
        var presses = new[] { new DtmfStream.Press('7', 200_000, 1), new DtmfStream.Press('7', 800, 1) };
        Assert.Equal("77", DtmfStream.Detect(DtmfStream.Build(presses)));
    }

    [Fact]
    public void Detector_ignores_non_dtmf_events_and_short_payloads()
    {
        var detector = new TelephoneEventDetector();
        Assert.False(detector.TryDetect(true, 0, [16, 0x0A, 0, 160], out _));
        Assert.False(detector.TryDetect(true, 0, [1, 0x0A], out _));
        Assert.True(detector.TryDetect(true, 0, [1, 0x0A, 0, 160], out var d));
        Assert.Equal(new DtmfDetection('1', 0, 10), d);
    }

    private static Gen<DtmfStream.Press> PressGen =>
        from digit in Gen.Elements("0123456789*#ABCD".ToCharArray())
        from duration in Gen.Frequency((9, Gen.Choose(40, 3200)), (1, Gen.Choose(65_000, 200_000)))
        from gap in Gen.Choose(0, 20)
        select new DtmfStream.Press(digit, duration, gap);

    [Fact]
    public void Any_loss_that_leaves_one_packet_per_event_keeps_every_digit_exactly_once()
    {
        var gen =
            from presses in Gen.NonEmptyListOf(PressGen).Select(l => l.Take(10).ToList())
            from seed in Gen.Choose(0, int.MaxValue)
            from lossPercent in Gen.Choose(0, 95)
            from keepFirst in ArbMap.Default.GeneratorFor<bool>()
            select (presses, seed, lossPercent, keepFirst);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var stream = DtmfStream.Build(c.presses);
            var random = new Random(c.seed);
            var kept = new List<DtmfStream.Sent>();
            foreach (var group in stream.GroupBy(s => s.EventIndex))
            {
                var packets = group.ToList();
                var survivors = packets
                    .Where((p, i) => (c.keepFirst && i == 0) || random.Next(100) >= c.lossPercent)
                    .ToList();
                if (survivors.Count == 0)
                {
                    survivors.Add(packets[random.Next(packets.Count)]);
                }
                kept.AddRange(survivors);
            }
            var expected = new string(c.presses.Select(p => p.Digit).ToArray());
            var actual = DtmfStream.Detect(kept);
            return (actual == expected).Label($"expected {expected}, detected {actual}");
        }));
    }

    [Fact]
    public void Duplicated_and_locally_reordered_packets_do_not_duplicate_digits()
    {
        var gen =
            from presses in Gen.NonEmptyListOf(PressGen).Select(l => l.Take(8).ToList())
            from seed in Gen.Choose(0, int.MaxValue)
            select (presses, seed);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var stream = DtmfStream.Build(c.presses);
            var random = new Random(c.seed);
            var mangled = new List<DtmfStream.Sent>();
            foreach (var packet in stream)
            {
                mangled.Add(packet);
                if (random.Next(10) == 0)
                {
                    mangled.Add(packet);
                }
            }
            // Swap neighbours within an event: reordering by a few packets on the network.
            for (var i = 1; i < mangled.Count; i++)
            {
                if (random.Next(4) == 0 && mangled[i].EventIndex == mangled[i - 1].EventIndex)
                {
                    (mangled[i], mangled[i - 1]) = (mangled[i - 1], mangled[i]);
                }
            }
            var expected = new string(c.presses.Select(p => p.Digit).ToArray());
            return DtmfStream.Detect(mangled) == expected;
        }));
    }
}
