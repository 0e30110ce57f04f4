using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Timing;
using ContactCenter.Media.Transport;
using ContactCenter.TestSupport;

namespace ContactCenter.Media.Tests.Transport;

public sealed class RtpReceiverTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly RtpTransportOptions Options = new() { PortRangeStart = 46000, PortRangeEnd = 46999 };
    private static readonly RtpPortAllocator Allocator = new(Options);

    private static RtpSession Session(TimeProvider time, RtpReceiver? receiver, FrameScheduler? scheduler = null) =>
        new(Allocator.Allocate(), new RtpOutboundStream(0x5EED, 0, 8000, 1000, 5000), Options, time, (_, _, _) => { }, receiver: receiver, scheduler: scheduler);

    [Fact]
    public async Task Many_sessions_share_two_receive_threads_and_leave_them_when_disposed()
    {
        Assert.SkipUnless(RtpReceiver.IsSupported, "the shared receive threads need epoll (Linux on x64 or Arm64)");
        var time = new FakeTimeProvider();
        using var receiver = new RtpReceiver(threads: 2);
        var sessions = Enumerable.Range(0, 20).Select(_ => Session(time, receiver)).ToList();
        using var phone = new LoopbackPeer();
        sessions.ForEach(s => s.Start());
        Assert.Equal(2, receiver.ThreadCount);
        Assert.Equal(40, receiver.SocketCount);

        for (ushort sequence = 0; sequence < 5; sequence++)
        {
            foreach (var session in sessions)
            {
                phone.Send(session.LocalEndPoint, new RtpHeader(0, sequence, sequence * 160u, 7), new byte[160]);
            }
        }
        await Eventually.TrueAsync(() => sessions.All(s => s.PacketsReceived == 5), Wait, "every session to receive its 5 packets");
        Assert.All(sessions, s => Assert.Equal(phone.EndPoint, s.RemoteEndPoint));

        var released = sessions.Take(10).Select(s => s.LocalEndPoint.Port).ToList();
        foreach (var session in sessions.Take(10))
        {
            await session.DisposeAsync();
        }
        Assert.Equal(20, receiver.SocketCount);
        // The sockets are really closed: their ports bind again.
        foreach (var port in released)
        {
            using var again = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            again.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        foreach (var session in sessions.Skip(10))
        {
            phone.Send(session.LocalEndPoint, new RtpHeader(0, 5, 800, 7), new byte[160]);
        }
        await Eventually.TrueAsync(() => sessions.Skip(10).All(s => s.PacketsReceived == 6), Wait, "the remaining sessions to receive a sixth packet");
        foreach (var session in sessions.Skip(10))
        {
            await session.DisposeAsync();
        }
        Assert.Equal(0, receiver.SocketCount);
    }

    [Fact]
    public async Task Rtcp_arrives_through_the_shared_threads_too()
    {
        Assert.SkipUnless(RtpReceiver.IsSupported, "the shared receive threads need epoll (Linux on x64 or Arm64)");
        using var receiver = new RtpReceiver(threads: 1);
        await using var session = Session(new FakeTimeProvider(), receiver);
        var goodbye = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Goodbye += _ => goodbye.TrySetResult();
        session.Start();
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var buffer = new byte[256];
        var writer = new RtcpCompoundWriter(buffer);
        writer.TryWriteReceiverReport(9, []);
        writer.TryWriteGoodbye([9u]);
        peer.SendTo(writer.Written, new IPEndPoint(IPAddress.Loopback, session.LocalEndPoint.Port + 1));

        await goodbye.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task On_the_scheduler_a_session_reports_inactivity_and_sends_rtcp_without_timers_of_its_own()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new FrameScheduler(time, lanes: 1);
        await using var session = Session(time, receiver: null, scheduler);
        using var phone = new LoopbackPeer();
        session.SetRemote(phone.EndPoint);
        var inactive = 0;
        session.Inactive += _ => inactive++;
        session.Start();
        Assert.Equal(1, scheduler.PacerCount);

        // Nothing received for the 30 s timeout: raised within the second after it, and once.
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, inactive);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, inactive);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, inactive);
        // Reports every 2.5-7.5 s (RFC 3550 §6.3.1): at least 8 in 61 s.
        Assert.InRange(session.ReportsSent, 8, 25);

        await session.DisposeAsync();
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, scheduler.PacerCount);
    }
}
