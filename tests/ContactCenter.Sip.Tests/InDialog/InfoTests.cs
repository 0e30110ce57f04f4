using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Loopback;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Tests.InDialog;

/// <summary>INFO within a call (RFC 6086; DTMF as <c>application/dtmf-relay</c>) over real loopback sockets.</summary>
public sealed class InfoTests
{
    private static readonly TimeSpan Patience = LoopbackStacks.Patience;

    public static TheoryData<SipTransportKind> Transports => [SipTransportKind.Udp, SipTransportKind.Tcp];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Dtmf_INFO_gets_200_and_raises_the_digit_with_its_duration(SipTransportKind transport)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await EstablishedCall.StartAsync(transport, ct);
        var received = new TaskCompletionSource<SipDtmf>(TaskCreationOptions.RunContinuationsAsynchronously);
        call.Callee.DtmfReceived += (_, dtmf) => received.TrySetResult(dtmf);

        var response = await call.Caller.SendDtmfAsync('5', 160).WaitAsync(Patience, ct);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(new SipDtmf('5', 160), await received.Task.WaitAsync(Patience, ct));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Other_INFO_gets_200_and_raises_content_type_and_body(SipTransportKind transport)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await EstablishedCall.StartAsync(transport, ct);
        var received = new TaskCompletionSource<SipInfoMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        call.Caller.InfoReceived += (_, info) => received.TrySetResult(info);

        var response = await call.Callee.SendInfoAsync("application/json", Encoding.UTF8.GetBytes("{\"x\":1}")).WaitAsync(Patience, ct);

        Assert.Equal(200, response.StatusCode);
        var info = await received.Task.WaitAsync(Patience, ct);
        Assert.Equal("application/json", info.ContentType);
        Assert.Equal("{\"x\":1}", Encoding.UTF8.GetString(info.Body.Span));
    }

    [Fact]
    public async Task INFO_outside_a_dialog_gets_481()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stacks = LoopbackStacks.Create();
        var (destination, uri) = stacks.Target(SipTransportKind.Udp);
        var agent = stacks.Caller.UserAgent;

        var response = await agent.SendRequestAsync(agent.CreateRequest(SipMethods.Info, uri), destination).WaitAsync(Patience, ct);

        Assert.Equal(481, response.StatusCode);
    }

    [Theory]
    [InlineData("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n", '5', 160)]
    [InlineData("application/dtmf-relay", "signal= #\nduration=250", '#', 250)]
    [InlineData("Application/DTMF-Relay; charset=x", "Signal=10\r\nDuration=100", '*', 100)]
    [InlineData("application/dtmf-relay", "Signal=11", '#', 250)]
    [InlineData("application/dtmf-relay", "Signal=d\r\nDuration=80", 'D', 80)]
    [InlineData("application/dtmf", "7", '7', 250)]
    public void Dtmf_bodies_parse(string contentType, string body, char digit, int duration)
    {
        Assert.True(SipDtmf.TryParse(contentType, Encoding.ASCII.GetBytes(body), out var dtmf));
        Assert.Equal(new SipDtmf(digit, duration), dtmf);
    }

    [Theory]
    [InlineData("application/dtmf-relay", "Duration=160")]
    [InlineData("application/dtmf-relay", "Signal=X")]
    [InlineData("application/json", "Signal=5")]
    [InlineData(null, "")]
    public void Non_dtmf_bodies_do_not_parse(string? contentType, string body) =>
        Assert.False(SipDtmf.TryParse(contentType, Encoding.ASCII.GetBytes(body), out _));

    [Fact]
    public void Dtmf_body_round_trips()
    {
        var dtmf = new SipDtmf('#', 200);
        Assert.Equal("Signal=#\r\nDuration=200\r\n", Encoding.ASCII.GetString(dtmf.ToBody()));
        Assert.True(SipDtmf.TryParse(SipDtmf.ContentType, dtmf.ToBody(), out var parsed));
        Assert.Equal(dtmf, parsed);
    }
}
