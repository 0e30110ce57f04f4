using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Transport;
using ContactCenter.TestSupport;

namespace ContactCenter.Media.Tests.Transport;

public sealed class RtcpSessionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly RtpTransportOptions Options = new() { PortRangeStart = 44000, PortRangeEnd = 44999 };
    private static readonly RtpPortAllocator Allocator = new(Options);

    [Fact]
    public async Task Reports_reception_statistics_with_lsr_and_answers_bye()
    {
        var time = new FakeTimeProvider();
        var lastRtp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var session = new RtpSession(
            Allocator.Allocate(), new RtpOutboundStream(0xAAAA, 0, 8000, 0, 0), Options, time,
            (_, packet, _) =>
            {
                if (packet.Header.SequenceNumber == 10)
                {
                    lastRtp.TrySetResult();
                }
            });
        var reports = new List<RtcpReportBlock>();
        var reportReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var goodbye = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.ReportReceived += (_, block) =>
        {
            reports.Add(block);
            reportReceived.TrySetResult();
        };
        session.Goodbye += _ => goodbye.TrySetResult();
        using var phone = new LoopbackPeer();
        using var phoneRtcp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        phoneRtcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        phoneRtcp.ReceiveTimeout = 5000;
        var sessionRtcp = new IPEndPoint(IPAddress.Loopback, session.LocalEndPoint.Port + 1);
        session.Start();

        // RTP 1..10 without 5 from SSRC 0xBBBB; the session also sends one packet, so it reports with an SR.
        foreach (var seq in Enumerable.Range(1, 10).Where(s => s != 5))
        {
            phone.Send(session.LocalEndPoint, new RtpHeader(0, (ushort)seq, (uint)(seq * 160), 0xBBBB), new byte[160]);
        }
        await lastRtp.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);
        session.SendAudio(new byte[160], 160);
        phone.Receive("the session's audio");

        // The phone's SR, carrying a report on the session's stream, latches RTCP and gives the session an LSR.
        var ntp = NtpTime.FromDateTimeOffset(time.GetUtcNow());
        var buffer = new byte[256];
        var writer = new RtcpCompoundWriter(buffer);
        writer.TryWriteSenderReport(0xBBBB, new RtcpSenderInfo(ntp, 1600, 9, 1440), [new RtcpReportBlock(0xAAAA, 0, 0, 1, 0, 0, 0)]);
        writer.TryWriteSourceDescription(0xBBBB, "phone@test");
        phoneRtcp.SendTo(writer.Written, sessionRtcp);
        await reportReceived.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);
        Assert.Equal(0xAAAAu, Assert.Single(reports).Ssrc);

        // The first report is due 2.5 to 7.5 s after the start (5 s ± 50 %, RFC 3550 §6.3.1).
        time.Advance(TimeSpan.FromSeconds(7.5));

        var received = new byte[1500];
        var length = phoneRtcp.Receive(received);
        var reader = new RtcpCompoundReader(received.AsSpan(0, length));
        Assert.True(reader.TryReadNext(out var sr));
        Assert.Equal((byte)RtcpPacketType.SenderReport, sr.Type);
        Assert.Equal(0xAAAAu, sr.Ssrc);
        Assert.True(sr.TryGetSenderInfo(out var info));
        Assert.Equal(1u, info.PacketCount);
        Assert.Equal(160u, info.OctetCount);
        var block = sr.GetReportBlock(0);
        Assert.Equal(0xBBBBu, block.Ssrc);
        Assert.Equal(1, block.CumulativeLost);
        Assert.Equal(10u, block.ExtendedHighestSequence);
        Assert.Equal(NtpTime.Middle32(ntp), block.LastSenderReport);
        Assert.InRange(block.DelaySinceLastSenderReport, 65536u * 5 / 2, 65536u * 15 / 2);
        Assert.True(reader.TryReadNext(out var sdes));
        Assert.True(sdes.TryGetCname(out _, out var cname));
        Assert.Equal(session.Cname, Encoding.UTF8.GetString(cname));
        Assert.True(session.ReportsSent >= 1);

        writer = new RtcpCompoundWriter(buffer);
        writer.TryWriteReceiverReport(0xBBBB, []);
        writer.TryWriteGoodbye([0xBBBBu], "bye");
        phoneRtcp.SendTo(writer.Written, sessionRtcp);
        await goodbye.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Ending_the_session_sends_bye_in_a_compound_that_starts_with_a_report()
    {
        var time = new FakeTimeProvider();
        using var phoneRtcp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        phoneRtcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        phoneRtcp.ReceiveTimeout = 5000;
        var session = new RtpSession(Allocator.Allocate(), new RtpOutboundStream(7, 0, 8000, 0, 0), Options, time, (_, _, _) => { });
        // SDP gave the phone's RTP port as one below its RTCP port.
        session.SetRemote(new IPEndPoint(IPAddress.Loopback, ((IPEndPoint)phoneRtcp.LocalEndPoint!).Port - 1));
        session.Start();
        await session.DisposeAsync();

        var received = new byte[1500];
        var length = phoneRtcp.Receive(received);
        Assert.Equal(RtcpParseError.None, RtcpCompoundReader.Validate(received.AsSpan(0, length)));
        var reader = new RtcpCompoundReader(received.AsSpan(0, length));
        var types = new List<byte>();
        while (reader.TryReadNext(out var packet))
        {
            types.Add(packet.Type);
        }
        Assert.Equal([(byte)RtcpPacketType.ReceiverReport, (byte)RtcpPacketType.SourceDescription, (byte)RtcpPacketType.Goodbye], types);
    }
}
