using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Tests.Loopback;

/// <summary>Transport behaviour against hand-written traffic on real loopback sockets.</summary>
public sealed class TransportTests
{
    private const string MalformedInvite =
        "INVITE sip:ivr@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{0};branch=z9hG4bKbad1;rport\r\n" +
        "To: <sip:ivr@127.0.0.1>\r\nFrom: <sip:raw@127.0.0.1>;tag=1\r\nCall-ID: bad-1\r\nCSeq: 1 BYE\r\n\r\n";

    [Fact]
    public async Task Malformed_datagrams_get_400_or_are_dropped_and_the_next_request_still_works()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        using var client = new UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)client.Client.LocalEndPoint!).Port;
        var target = RawPeer.Address(stacks.Callee.LocalEndPoint(SipTransportKind.Udp));

        await client.SendAsync(new byte[] { 0x16, 0x03, 0x01, 0x00, 0xff, 0x00 }, target, ct);
        await client.SendAsync("\r\n\r\n"u8.ToArray(), target, ct);
        await client.SendAsync(Encoding.ASCII.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, MalformedInvite, port)), target, ct);
        var rejected = Assert.IsType<SipResponse>(await RawPeer.ReceiveAsync(client, ct));
        await client.SendAsync(Encoding.ASCII.GetBytes(RawPeer.Options(port)), target, ct);
        var answered = Assert.IsType<SipResponse>(await RawPeer.ReceiveAsync(client, ct));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Equal("bad-1", rejected.CallId);
        Assert.Equal(200, answered.StatusCode);
        Assert.Equal("raw-1", answered.CallId);
        Assert.Empty(stacks.CalleeHandler.Calls);
    }

    [Fact]
    public async Task Crlf_ping_gets_a_pong_and_responses_use_the_requests_connection()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        using var counts = new MetricCounts(stacks.Metrics);
        using var client = new TcpClient();
        await client.ConnectAsync(RawPeer.Address(stacks.Callee.LocalEndPoint(SipTransportKind.Tcp)), ct);
        var stream = client.GetStream();

        await stream.WriteAsync("\r\n\r\n"u8.ToArray(), ct);
        var pong = await RawPeer.ReadAsync(stream, 2, ct);
        // The Via names a port nobody listens on: the answer must come on this connection (§18.2.2).
        await stream.WriteAsync(Encoding.ASCII.GetBytes(RawPeer.Options(9, "TCP")), ct);
        var response = await RawPeer.ReadResponseAsync(stream, ct);

        Assert.Equal("\r\n"u8.ToArray(), pong);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(1, stacks.Callee.Transport.ConnectionCount);
        Assert.Equal(1, counts["sip.transport.keepalive_pings"]);
    }

    [Fact]
    public async Task A_stream_that_cannot_be_framed_is_closed_and_other_connections_carry_on()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        using var counts = new MetricCounts(stacks.Metrics);
        var address = RawPeer.Address(stacks.Callee.LocalEndPoint(SipTransportKind.Tcp));
        using var broken = new TcpClient();
        await broken.ConnectAsync(address, ct);
        using var healthy = new TcpClient();
        await healthy.ConnectAsync(address, ct);

        await broken.GetStream().WriteAsync("OPTIONS sip:ivr@127.0.0.1 SIP/2.0\r\nContent-Length: lots\r\n\r\n"u8.ToArray(), ct);
        Assert.True(await RawPeer.IsClosedAsync(broken.GetStream(), ct), "the unframeable connection stays open");
        await healthy.GetStream().WriteAsync(Encoding.ASCII.GetBytes(RawPeer.Options(9, "TCP", callId: "raw-2")), ct);
        var response = await RawPeer.ReadResponseAsync(healthy.GetStream(), ct);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("raw-2", response.CallId);
        Assert.Equal(1, counts["sip.messages.malformed"]);
    }

    [Fact]
    public async Task Idle_connections_are_closed_on_the_clock()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        using var client = new TcpClient();
        await client.ConnectAsync(RawPeer.Address(stacks.Callee.LocalEndPoint(SipTransportKind.Tcp)), ct);
        var stream = client.GetStream();
        await stream.WriteAsync("\r\n\r\n"u8.ToArray(), ct);
        Assert.Equal(2, (await RawPeer.ReadAsync(stream, 2, ct)).Length);

        stacks.Time.Advance(TimeSpan.FromMinutes(9));
        await stream.WriteAsync("\r\n\r\n"u8.ToArray(), ct);
        Assert.Equal(2, (await RawPeer.ReadAsync(stream, 2, ct)).Length);
        stacks.Time.Advance(TimeSpan.FromMinutes(11));

        Assert.True(await RawPeer.IsClosedAsync(stream, ct), "the idle connection stays open");
    }

    [Fact]
    public async Task An_unacknowledged_2xx_is_retransmitted_then_the_call_is_hung_up()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        using var client = new UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)client.Client.LocalEndPoint!).Port;
        var target = RawPeer.Address(stacks.Callee.LocalEndPoint(SipTransportKind.Udp));
        var offer = Encoding.ASCII.GetString(TestCallHandler.Offer());
        var invite =
            $"INVITE sip:ivr@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bKnoack;rport\r\nMax-Forwards: 70\r\n" +
            $"To: <sip:ivr@127.0.0.1>\r\nFrom: <sip:raw@127.0.0.1>;tag=r9\r\nCall-ID: no-ack\r\nCSeq: 1 INVITE\r\n" +
            $"Contact: <sip:raw@127.0.0.1:{port}>\r\nContent-Type: application/sdp\r\nContent-Length: {offer.Length}\r\n\r\n{offer}";

        await client.SendAsync(Encoding.ASCII.GetBytes(invite), target, ct);
        Assert.Equal(100, ((SipResponse)await RawPeer.ReceiveAsync(client, ct)).StatusCode);
        Assert.Equal(180, ((SipResponse)await RawPeer.ReceiveAsync(client, ct)).StatusCode);
        Assert.Equal(200, ((SipResponse)await RawPeer.ReceiveAsync(client, ct)).StatusCode);
        var call = await stacks.CalleeHandler.FirstCall.Task.WaitAsync(LoopbackStacks.Patience, ct);

        stacks.Time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(200, ((SipResponse)await RawPeer.ReceiveAsync(client, ct)).StatusCode);
        stacks.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, ((SipResponse)await RawPeer.ReceiveAsync(client, ct)).StatusCode);
        stacks.Time.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal(SipCallEndReason.TimedOut, await call.Ended.WaitAsync(LoopbackStacks.Patience, ct));
        SipMessage last;
        do
        {
            last = await RawPeer.ReceiveAsync(client, ct);
        }
        while (last is SipResponse { StatusCode: 200 });
        Assert.Equal(SipMethods.Bye, Assert.IsType<SipRequest>(last).Method);
    }
}
