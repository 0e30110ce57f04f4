using ContactCenter.Sip;
using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Registration;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.TestSupport;
using ContactCenter.Sip.UserAgents;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Interop.Tests.Stacks;

/// <summary>A SIP element built on our stack for a real peer to talk to: UDP + TCP (+ TLS) on free 127.0.0.1 ports,
/// the real clock, an <see cref="InteropCallHandler"/>, optionally a registrar with digest authentication against an
/// in-memory credential store.</summary>
internal sealed class InteropStack : IAsyncDisposable
{
    public const string Realm = "cc.interop";

    private readonly ILoggerFactory _loggerFactory;

    private InteropStack(SipUserAgentOptions? options, bool tls, IReadOnlyDictionary<string, string>? users, IReadOnlyList<SipDigestAlgorithm>? algorithms)
    {
        Certificate = tls ? new TestCertificate() : null;
        _loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(Log));
        Counters = new StackCounters(Metrics);
        if (users is not null)
        {
            foreach (var (user, password) in users)
            {
                Credentials.Set(Realm, user, SipCredential.FromPassword(password));
            }
            var authenticator = new SipDigestAuthenticator(Credentials, TimeProvider.System, _loggerFactory.CreateLogger<SipDigestAuthenticator>(), new SipAuthenticationOptions { Realm = Realm, Algorithms = algorithms ?? [SipDigestAlgorithm.Md5] });
            Registrar = new SipRegistrar(Bindings, TimeProvider.System, _loggerFactory.CreateLogger<SipRegistrar>(), authenticator: authenticator);
        }
        var transport = new SipTransportOptions
        {
            UdpPort = 0,
            TcpPort = 0,
            TlsPort = tls ? 0 : null,
            TlsCertificatePath = Certificate?.PfxPath,
            TlsCertificatePassword = Certificate is null ? null : TestCertificate.Password,
            TlsRemoteCertificateValidation = Certificate is null ? null : (_, presented, _, _) => Certificate.Validate(presented),
        };
        Stack = SipStack.Start(transport, Handler, TimeProvider.System, _loggerFactory, Metrics, options, new SipTransactionOptions(), Registrar);
    }

    public SipStack Stack { get; }

    public SipUserAgent UserAgent => Stack.UserAgent;

    public InteropCallHandler Handler { get; } = new();

    public CapturedLog Log { get; } = new();

    public SipMetrics Metrics { get; } = new();

    public StackCounters Counters { get; }

    public InMemorySipCredentialStore Credentials { get; } = new();

    public InMemorySipBindingStore Bindings { get; } = new();

    public SipRegistrar? Registrar { get; }

    public TestCertificate? Certificate { get; }

    public SipEndPoint Udp => Stack.LocalEndPoint(SipTransportKind.Udp);

    public SipEndPoint Tls => Stack.LocalEndPoint(SipTransportKind.Tls);

    /// <summary>Our side of a failure message: the handler's counts, the metrics and the last log lines.</summary>
    public string Diagnostics => $"{Handler.Summary}; {Counters}; incoming calls open {UserAgent.IncomingCallCount}, dialogs {UserAgent.DialogCount}\n{Log.Tail()}";

    /// <param name="options">UA core options (the overload limit).</param>
    /// <param name="tls">Also listen for TLS, with a fresh self-signed certificate.</param>
    /// <param name="users">With users (name → password), REGISTER is served by a registrar that challenges them.</param>
    /// <param name="algorithms">The digest algorithms the registrar challenges with; default MD5 alone, what baresip
    /// 1.0.0 (libre 1.x) can answer (<see cref="SipAuthenticationOptions.Algorithms"/>).</param>
    public static InteropStack Start(SipUserAgentOptions? options = null, bool tls = false, IReadOnlyDictionary<string, string>? users = null, IReadOnlyList<SipDigestAlgorithm>? algorithms = null) =>
        new(options, tls, users, algorithms);

    public async ValueTask DisposeAsync()
    {
        await Stack.DisposeAsync();
        Registrar?.Dispose();
        Counters.Dispose();
        Metrics.Dispose();
        _loggerFactory.Dispose();
        Certificate?.Dispose();
    }
}
