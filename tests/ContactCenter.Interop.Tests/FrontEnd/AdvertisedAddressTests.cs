using System.Net;
using System.Text;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Host.Configuration;
using ContactCenter.Sip.Transactions;
using SipTransportKind = ContactCenter.Sip.Transactions.SipTransportKind;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>The address the sip role advertises when it binds to every interface: <c>--advertise</c> parsed and
/// validated (a concrete IP), else the first up, non-loopback IPv4 interface address, else a configuration error; and
/// a front end bound to 0.0.0.0 never puts 0.0.0.0 in its SDP or Contact.</summary>
public sealed class AdvertisedAddressTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static readonly InterfaceAddress[] Interfaces =
    [
        new("lo", Up: true, Loopback: true, IPAddress.Loopback),
        new("eth0", Up: false, Loopback: false, IPAddress.Parse("192.0.2.10")),
        new("eth1", Up: true, Loopback: false, IPAddress.Parse("2001:db8::1")),
        new("eth1", Up: true, Loopback: false, IPAddress.Parse("198.51.100.7")),
        new("eth2", Up: true, Loopback: false, IPAddress.Parse("203.0.113.9")),
    ];

    [Fact]
    public void The_advertise_flag_maps_to_the_node_option_and_is_a_known_flag()
    {
        Assert.Equal("Node:Advertise", NodeCommandLine.CreateSwitchMappings()["--advertise"]);
        Assert.Empty(NodeCommandLine.FindErrors(["--bind", "0.0.0.0", "--advertise", "10.0.1.11"]));
        Assert.Contains("--advertise", NodeCommandLine.Usage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.1.11", true)]
    [InlineData("2001:db8::5", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::", false)]
    [InlineData("sip.example.com", false)]
    [InlineData("", false)]
    public void The_advertised_address_must_be_a_concrete_ip(string advertise, bool valid)
    {
        var result = new NodeOptionsValidator().Validate(null, new NodeOptions { Bind = "0.0.0.0", Advertise = advertise });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("--advertise (Node:Advertise)", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_wildcard_bind_advertises_the_first_up_non_loopback_ipv4_interface_address()
    {
        var chosen = AdvertisedAddress.Resolve(new NodeOptions { Bind = "0.0.0.0" }, Interfaces);

        Assert.Equal(new AdvertisedAddress(IPAddress.Parse("198.51.100.7"), "eth1"), chosen);
        Assert.Equal(new AdvertisedAddress(IPAddress.Parse("198.51.100.7"), "eth1"), AdvertisedAddress.Resolve(new NodeOptions { Bind = "::" }, Interfaces));
    }

    [Fact]
    public void A_configured_address_or_a_concrete_bind_is_advertised_as_it_is()
    {
        Assert.Equal(new AdvertisedAddress(IPAddress.Parse("10.0.1.11"), null),
            AdvertisedAddress.Resolve(new NodeOptions { Bind = "0.0.0.0", Advertise = "10.0.1.11" }, Interfaces));
        Assert.Equal(new AdvertisedAddress(IPAddress.Parse("10.0.1.12"), null),
            AdvertisedAddress.Resolve(new NodeOptions { Bind = "10.0.1.12" }, Interfaces));
    }

    [Fact]
    public void A_wildcard_bind_without_any_address_to_advertise_is_a_configuration_error()
    {
        var error = Assert.Throws<NodeConfigurationException>(() =>
            AdvertisedAddress.Resolve(new NodeOptions { Bind = "0.0.0.0" }, Interfaces.Where(i => i.Loopback || !i.Up || i.Address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)));

        Assert.Contains("--advertise", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_front_end_bound_to_every_interface_answers_with_the_advertised_address_in_sdp_and_contact()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("52400-52599", flags: ["--bind", "0.0.0.0", "--advertise", "127.0.0.1"]);
        await using var caller = MediaPeer.Start(52800);
        string Diagnostics() => caller.Log.Tail();
        await node.Documents.CreateAsync(new Queue { Id = "advertised", Name = "Advertised" }, cancellation);
        await node.Documents.CreateAsync(new InboundNumber { Id = "7330", Name = "7330", Target = InboundNumberTargetKind.Queue, TargetId = "advertised" }, cancellation);

        var call = caller.Call(new SipEndPoint(SipTransportKind.Udp, "127.0.0.1", node.SipPort), "7330");
        var answer = await Conditions.WithinAsync(call.Answered, Wait, "the front end answers the caller", Diagnostics, cancellation);

        Assert.Equal(200, answer.StatusCode);
        var sdp = Encoding.ASCII.GetString(answer.Body.Span);
        Assert.Contains("c=IN IP4 127.0.0.1", sdp, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0.0.0", sdp, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", Assert.Single(answer.Contacts!).Uri.Host);
        // The advertised address reaches the media: the caller hears the queue's music.
        await Conditions.WaitAsync(() => caller.PacketsReceived(call.CallId) >= 25, Wait, "RTP from the front end", Diagnostics, cancellation);
        await call.HangUpAsync();
    }
}
