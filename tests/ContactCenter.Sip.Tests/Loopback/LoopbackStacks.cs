using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Registration;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;
using ContactCenter.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Sip.Tests.Loopback;

/// <summary>Two stacks on 127.0.0.1 (free ports, UDP + TCP + TLS) on one fake clock: a caller (UAC) and a callee
/// (UAS) answering through a <see cref="TestCallHandler"/>. 100 Trying goes out at once so tests can see it.</summary>
internal sealed class LoopbackStacks : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TestCertificate _certificate = new();

    private LoopbackStacks(SipUserAgentOptions? calleeOptions, Func<FakeTimeProvider, SipRegistrar>? calleeRegistrar)
    {
        CalleeRegistrar = calleeRegistrar?.Invoke(Time);
        Caller = Start(new TestCallHandler(), null, null);
        Callee = Start(CalleeHandler, calleeOptions, CalleeRegistrar);
    }

    public FakeTimeProvider Time { get; } = new();

    public SipMetrics Metrics { get; } = new();

    public TestCallHandler CalleeHandler { get; } = new();

    public SipStack Caller { get; }

    public SipStack Callee { get; }

    /// <summary>The callee's registrar, when the test asked for one.</summary>
    public SipRegistrar? CalleeRegistrar { get; }

    public static LoopbackStacks Create(SipUserAgentOptions? calleeOptions = null, Func<FakeTimeProvider, SipRegistrar>? calleeRegistrar = null) =>
        new(calleeOptions, calleeRegistrar);

    public SipTransportOptions TransportOptions(TimeSpan? idleTimeout = null) => new()
    {
        UdpPort = 0,
        TcpPort = 0,
        TlsPort = 0,
        TlsCertificatePath = _certificate.PfxPath,
        TlsCertificatePassword = TestCertificate.Password,
        TlsRemoteCertificateValidation = (_, certificate, _, _) => _certificate.Validate(certificate),
        ConnectionIdleTimeout = idleTimeout ?? TimeSpan.FromMinutes(10),
        IdleSweepInterval = TimeSpan.FromSeconds(10),
    };

    /// <summary>The callee's address for a transport, and a Request-URI naming it.</summary>
    public (SipEndPoint Destination, SipUri Uri) Target(SipTransportKind transport)
    {
        var destination = Callee.LocalEndPoint(transport);
        var uri = new SipUri(SipUriScheme.Sip, "ivr", destination.Host, destination.Port);
        return (destination, transport == SipTransportKind.Udp ? uri : uri.WithParameter("transport", transport.ToString().ToLowerInvariant()));
    }

    public async ValueTask DisposeAsync()
    {
        await Caller.DisposeAsync();
        await Callee.DisposeAsync();
        CalleeRegistrar?.Dispose();
        Metrics.Dispose();
        _certificate.Dispose();
    }

    private SipStack Start(TestCallHandler handler, SipUserAgentOptions? options, SipRegistrar? registrar) =>
        SipStack.Start(TransportOptions(), handler, Time, NullLoggerFactory.Instance, Metrics, options, new SipTransactionOptions { TryingDelay = TimeSpan.Zero }, registrar);
}
