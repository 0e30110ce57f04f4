using System.Collections.Concurrent;
using System.Net;
using ContactCenter.Media.Bridging;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Prompts;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Transport;
using ContactCenter.TestSupport;

namespace ContactCenter.Media.Tests.Transport;

public sealed class RtpSessionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly RtpTransportOptions Options = new() { PortRangeStart = 41000, PortRangeEnd = 41999 };
    private static readonly RtpPortAllocator Allocator = new(Options);

    private static RtpSession CreateSession(TimeProvider time, RtpPacketHandler? handler = null, uint ssrc = 0x5EED) =>
        new(Allocator.Allocate(), new RtpOutboundStream(ssrc, 0, 8000, 1000, 5000), Options, time, handler ?? ((_, _, _) => { }));

    [Fact]
    public void Allocator_hands_out_even_odd_pairs_and_reports_exhaustion()
    {
        var options = new RtpTransportOptions { PortRangeStart = 43000, PortRangeEnd = 43005 };
        var allocator = new RtpPortAllocator(options);
        var pairs = new List<RtpSocketPair>();
        try
        {
            while (pairs.Count < 3)
            {
                pairs.Add(allocator.Allocate());
            }
            Assert.All(pairs, p => Assert.Equal(0, p.LocalEndPoint.Port % 2));
            Assert.All(pairs, p => Assert.Equal(p.LocalEndPoint.Port + 1, ((IPEndPoint)p.Rtcp.LocalEndPoint!).Port));
            Assert.Equal(3, pairs.Select(p => p.LocalEndPoint.Port).Distinct().Count());
            var error = Assert.Throws<InvalidOperationException>(allocator.Allocate);
            Assert.Contains("43000-43005", error.Message, StringComparison.Ordinal);
            pairs[1].Dispose();
            Assert.Equal(pairs[1].LocalEndPoint.Port, UsingPort(allocator.Allocate()));
        }
        finally
        {
            pairs.ForEach(p => p.Dispose());
        }
        Assert.Throws<ArgumentException>(() => new RtpPortAllocator(new RtpTransportOptions { PortRangeStart = 43001 }));
    }

    private static int UsingPort(RtpSocketPair pair)
    {
        using (pair)
        {
            return pair.LocalEndPoint.Port;
        }
    }

    [Fact]
    public async Task A_played_prompt_arrives_as_20ms_packets_with_continuous_numbering()
    {
        var time = new FakeTimeProvider();
        using var phone = new LoopbackPeer();
        await using var session = CreateSession(time);
        session.SetRemote(phone.EndPoint);
        var prompt = Enumerable.Range(0, 1600).Select(i => (short)((i % 100) * 100)).ToArray();
        using var player = new PromptPlayer(prompt, G711Codec.MuLaw, time, (payload, samples) => session.SendAudio(payload, samples));

        player.Start();
        time.Advance(TimeSpan.FromMilliseconds(20 * 12));

        Assert.True(await player.Completion.WaitAsync(Wait, TestContext.Current.CancellationToken));
        var packets = Enumerable.Range(0, 10).Select(i => phone.Receive($"prompt packet {i}")).ToList();
        Assert.Equal(Enumerable.Range(1000, 10).Select(i => (ushort)i), packets.Select(p => p.Header.SequenceNumber));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (uint)(5000 + (i * 160))), packets.Select(p => p.Header.Timestamp));
        Assert.All(packets, p => Assert.Equal((160, (byte)0, 0x5EEDu), (p.Payload.Length, p.Header.PayloadType, p.Header.Ssrc)));
        Assert.True(packets[0].Header.Marker);
        Assert.False(phone.HasPending);
    }

    [Fact]
    public async Task Latches_to_the_first_source_and_ignores_others()
    {
        var time = new FakeTimeProvider();
        var received = new ConcurrentQueue<ushort>();
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var session = CreateSession(time, (_, packet, _) =>
        {
            received.Enqueue(packet.Header.SequenceNumber);
            if (packet.Header.SequenceNumber == 2)
            {
                second.TrySetResult();
            }
        });
        using var phone = new LoopbackPeer();
        using var stranger = new LoopbackPeer();
        // SDP said to send somewhere else (e.g. the phone's private address behind NAT).
        session.SetRemote(new IPEndPoint(IPAddress.Loopback, 9));
        session.Start();

        phone.Send(session.LocalEndPoint, new RtpHeader(0, 1, 160, 42), new byte[160]);
        stranger.Send(session.LocalEndPoint, new RtpHeader(0, 99, 160, 43), new byte[160]);
        phone.Send(session.LocalEndPoint, new RtpHeader(0, 2, 320, 42), new byte[160]);
        await second.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);

        Assert.Equal(new ushort[] { 1, 2 }, received);
        Assert.True(session.IsLatched);
        Assert.Equal(phone.EndPoint, session.RemoteEndPoint);
        Assert.True(session.SendAudio(new byte[160], 160));
        Assert.Equal(1000, phone.Receive("the reply sent to the latched address").Header.SequenceNumber);
        session.SetRemote(new IPEndPoint(IPAddress.Loopback, 9));
        Assert.Equal(phone.EndPoint, session.RemoteEndPoint);
    }

    [Fact]
    public async Task A_bridge_relays_both_ways_and_transcodes()
    {
        var time = new FakeTimeProvider();
        RtpSession? callerLeg = null;
        RtpSession? agentLeg = null;
        // Caller on PCMU, agent on PCMA.
        await using var caller = CreateSession(time, (_, packet, _) => RtpRelay.Forward(packet, G711Codec.MuLaw, G711Codec.ALaw, agentLeg!), ssrc: 1);
        await using var agent = new RtpSession(
            Allocator.Allocate(), new RtpOutboundStream(2, 8, 8000, 7, 0), Options, time,
            (_, packet, _) => RtpRelay.Forward(packet, G711Codec.ALaw, G711Codec.MuLaw, callerLeg!));
        callerLeg = caller;
        agentLeg = agent;
        using var callerPhone = new LoopbackPeer();
        using var agentPhone = new LoopbackPeer();
        caller.SetRemote(callerPhone.EndPoint);
        agent.SetRemote(agentPhone.EndPoint);
        caller.Start();
        agent.Start();

        var speech = new byte[160];
        Array.Fill(speech, (byte)0x9A);
        callerPhone.Send(caller.LocalEndPoint, new RtpHeader(0, 500, 0, 11), speech);
        var atAgent = agentPhone.Receive("caller audio relayed to the agent");
        Assert.Equal((byte)8, atAgent.Header.PayloadType);
        Assert.Equal(2u, atAgent.Header.Ssrc);
        Assert.All(atAgent.Payload, b => Assert.Equal(G711Transcoder.MuLawToALaw(0x9A), b));

        agentPhone.Send(agent.LocalEndPoint, new RtpHeader(8, 9, 0, 22), atAgent.Payload);
        var atCaller = callerPhone.Receive("agent audio relayed to the caller");
        Assert.Equal((byte)0, atCaller.Header.PayloadType);
        Assert.Equal(1000, atCaller.Header.SequenceNumber);
        Assert.All(atCaller.Payload, b => Assert.Equal(G711Transcoder.ALawToMuLaw(G711Transcoder.MuLawToALaw(0x9A)), b));

        // A packet of the wrong payload type (e.g. telephone-event) is not relayed as audio.
        callerPhone.Send(caller.LocalEndPoint, new RtpHeader(101, 501, 0, 11), [1, 0x8A, 0, 160]);
        callerPhone.Send(caller.LocalEndPoint, new RtpHeader(0, 502, 160, 11), speech);
        Assert.Equal(8, agentPhone.Receive("the next audio packet").Header.SequenceNumber);
    }

    [Fact]
    public async Task Rtp_inactivity_raises_an_event_once_until_traffic_resumes()
    {
        var time = new FakeTimeProvider();
        var inactive = 0;
        var firstPacket = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var session = CreateSession(time, (_, _, _) => firstPacket.TrySetResult());
        session.Inactive += _ => Interlocked.Increment(ref inactive);
        using var phone = new LoopbackPeer();
        session.Start();
        phone.Send(session.LocalEndPoint, new RtpHeader(0, 1, 0, 1), new byte[160]);
        await firstPacket.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, inactive);
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(1, inactive);
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, inactive);
    }
}
