using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Tests.Transactions;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Sip.Tests.Loopback;

/// <summary>RFC 3261 §18.1.1 (a large request meant for UDP goes over TCP) and transport failures reported to the
/// client transaction at once (§8.1.3.1, §17.1.1.2), over real loopback sockets.</summary>
public sealed class LargeRequestTests
{
    private static readonly TimeSpan Patience = LoopbackStacks.Patience;

    [Fact]
    public async Task Large_options_for_udp_goes_over_tcp_and_gets_its_response()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        var (destination, uri) = stacks.Target(SipTransportKind.Udp);
        var options = Padded(stacks.Caller.UserAgent.CreateRequest(SipMethods.Options, uri));
        // The callee's TCP listener has its own port; aim the UDP destination's address at it.
        var tcpPort = stacks.Callee.LocalEndPoint(SipTransportKind.Tcp).Port;

        var response = await stacks.Caller.UserAgent.SendRequestAsync(options, destination with { Port = tcpPort }).WaitAsync(Patience, ct);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("TCP", options.TopVia!.Transport);
        Assert.Equal(stacks.Caller.LocalEndPoint(SipTransportKind.Tcp).Port, options.TopVia.Port);
        Assert.Equal(1, stacks.Caller.Transport.ConnectionCount);
        Assert.Equal(1, stacks.Callee.Transport.ConnectionCount);
    }

    [Fact]
    public async Task Large_invite_for_udp_goes_over_tcp_and_the_call_is_answered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        var (destination, uri) = stacks.Target(SipTransportKind.Udp);
        // The UDP destination names the callee's TCP port (the loopback stacks bind UDP and TCP on different free ports):
        // only the switch to TCP can reach it. In-dialog requests then follow the callee's Contact, so no BYE here.
        var tcpPort = stacks.Callee.LocalEndPoint(SipTransportKind.Tcp).Port;
        // Unknown SDP attributes are ignored (RFC 4566 §5.13); they only make the INVITE larger than the threshold.
        var padding = string.Concat(Enumerable.Range(0, 40).Select(i => $"a=x-padding-{i}:{new string('p', 40)}\r\n"));
        var offer = System.Text.Encoding.ASCII.GetBytes(System.Text.Encoding.ASCII.GetString(TestCallHandler.Offer()) + padding);

        var call = stacks.Caller.UserAgent.Invite(uri, destination with { Port = tcpPort }, offer);
        var answer = await call.Answered.WaitAsync(Patience, ct);

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("TCP", call.Invite.TopVia!.Transport);
        Assert.Equal(SipCallState.Established, call.State);
        Assert.Equal(1, stacks.Caller.Transport.ConnectionCount);
        Assert.Equal(1, stacks.Callee.Transport.ConnectionCount);
    }

    [Fact]
    public async Task Large_request_arrives_on_a_raw_tcp_listener_with_a_tcp_via_and_the_same_branch()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var options = Padded(stacks.Caller.UserAgent.CreateRequest(SipMethods.Options, new SipUri(SipUriScheme.Sip, "ivr", "127.0.0.1", port)));

        var pending = stacks.Caller.UserAgent.SendRequestAsync(options, new SipEndPoint(SipTransportKind.Udp, "127.0.0.1", port));
        using var peer = await listener.AcceptTcpClientAsync(ct).AsTask().WaitAsync(Patience, ct);
        var stream = peer.GetStream();
        var received = await RawPeer.ReadRequestAsync(stream, ct);
        await stream.WriteAsync(SipMessageSerializer.Serialize(SipResponseFactory.CreateResponse(received, 200, toTag: "raw")), ct);
        var response = await pending.WaitAsync(Patience, ct);

        Assert.Equal(SipMethods.Options, received.Method);
        Assert.Equal("TCP", received.TopVia!.Transport);
        Assert.Equal(options.TopVia!.Branch, received.TopVia.Branch);
        Assert.True(received.Headers.Get("X-Padding")?.Length > 1300, "the padding arrived whole");
        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Switching_rewrites_only_the_top_via_transport_and_port_and_keeps_the_branch()
    {
        await using var stacks = LoopbackStacks.Create();
        var udp = stacks.Caller.LocalEndPoint(SipTransportKind.Udp);
        var request = TransactionHarness.Request("INVITE", branch: "z9hG4bKkeep1");
        request.Headers.SetAt(0, $"SIP/2.0/UDP 127.0.0.1:{udp.Port};branch=z9hG4bKkeep1;rport");
        request.Headers.Add("Via", "SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bKlower");
        var destination = new SipEndPoint(SipTransportKind.Udp, "127.0.0.1", 5060);

        var small = stacks.Caller.Transport.PrepareRequest(request, destination);
        Padded(request);
        var large = stacks.Caller.Transport.PrepareRequest(request, destination);

        Assert.Equal(destination, small);
        Assert.Equal(destination with { Transport = SipTransportKind.Tcp }, large);
        var vias = request.Vias!;
        Assert.Equal("TCP", vias[0].Transport);
        Assert.Equal(stacks.Caller.LocalEndPoint(SipTransportKind.Tcp).Port, vias[0].Port);
        Assert.Equal("z9hG4bKkeep1", vias[0].Branch);
        Assert.True(vias[0].HasRport);
        Assert.Equal("UDP", vias[1].Transport);
    }

    [Fact]
    public async Task Small_options_stays_on_udp()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        var (destination, uri) = stacks.Target(SipTransportKind.Udp);
        var options = stacks.Caller.UserAgent.CreateRequest(SipMethods.Options, uri);

        var response = await stacks.Caller.UserAgent.SendRequestAsync(options, destination).WaitAsync(Patience, ct);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("UDP", options.TopVia!.Transport);
        Assert.Equal(0, stacks.Caller.Transport.ConnectionCount);
        Assert.Equal(0, stacks.Callee.Transport.ConnectionCount);
    }

    [Fact]
    public async Task Without_tcp_a_large_request_still_goes_over_udp()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        await using var udpOnly = SipStack.Start(
            new SipTransportOptions { UdpPort = 0, TcpPort = null }, new TestCallHandler(), stacks.Time, NullLoggerFactory.Instance, stacks.Metrics,
            transactionOptions: new SipTransactionOptions { TryingDelay = TimeSpan.Zero });
        var (destination, uri) = stacks.Target(SipTransportKind.Udp);
        var options = Padded(udpOnly.UserAgent.CreateRequest(SipMethods.Options, uri));

        var response = await udpOnly.UserAgent.SendRequestAsync(options, destination).WaitAsync(Patience, ct);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("UDP", options.TopVia!.Transport);
        Assert.Equal(0, stacks.Callee.Transport.ConnectionCount);
    }

    [Fact]
    public async Task Invite_to_a_tcp_port_nobody_listens_on_fails_with_503_before_timer_b()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        var start = stacks.Time.GetUtcNow();
        var port = UnusedTcpPort();
        var uri = new SipUri(SipUriScheme.Sip, "ivr", "127.0.0.1", port).WithParameter("transport", "tcp");

        var call = stacks.Caller.UserAgent.Invite(uri, new SipEndPoint(SipTransportKind.Tcp, "127.0.0.1", port), TestCallHandler.Offer());
        var answer = await call.Answered.WaitAsync(Patience, ct);

        // The fake clock never moved: the failure came from the refused connect, not from Timer B.
        Assert.Equal(503, answer.StatusCode);
        Assert.Equal(SipCallEndReason.TransportFailed, await call.Ended.WaitAsync(Patience, ct));
        Assert.Equal(start, stacks.Time.GetUtcNow());
        Assert.Equal(0, stacks.Caller.UserAgent.Transactions.ClientTransactionCount);
    }

    [Fact]
    public async Task Large_options_for_udp_whose_tcp_connect_is_refused_gets_503_before_timer_f()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        var start = stacks.Time.GetUtcNow();
        var port = UnusedTcpPort();
        var options = Padded(stacks.Caller.UserAgent.CreateRequest(SipMethods.Options, new SipUri(SipUriScheme.Sip, "ivr", "127.0.0.1", port)));

        var response = await stacks.Caller.UserAgent.SendRequestAsync(options, new SipEndPoint(SipTransportKind.Udp, "127.0.0.1", port)).WaitAsync(Patience, ct);

        Assert.Equal(503, response.StatusCode);
        Assert.Equal(start, stacks.Time.GetUtcNow());
        Assert.Equal(0, stacks.Caller.UserAgent.Transactions.ClientTransactionCount);
    }

    private static SipRequest Padded(SipRequest request)
    {
        request.Headers.Add("X-Padding", new string('p', 1500));
        return request;
    }

    private static int UnusedTcpPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
