using System.Net;
using ContactCenter.Actors;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Host.Configuration;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Transport;
using ContactCenter.Sip;
using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Registration;
using ContactCenter.Sip.Transport;
using ContactCenter.Storage.Documents;
using ContactCenter.Storage.Registrations;

namespace ContactCenter.Host.Telephony;

/// <summary>The sip role: the SIP stack (UDP and TCP on <c>--sip-port</c>, a registrar for agents' phones with digest
/// authentication against their agent profiles in the site's realm) and the media engine (RTP on <c>--rtp-ports</c>),
/// glued to the call grains by <see cref="FrontEndCalls"/> through one observer reference. Starts after the node's
/// silo or cluster client (the reference needs it) and stops before it.</summary>
internal sealed partial class SipFrontEnd(
    NodeOptions node,
    SipFrontEndOptions options,
    AdvertisedAddress advertised,
    IGrainFactory grains,
    IDocumentStore store,
    IPhoneRegistrationStore registrations,
    SipFrontEndMetrics metrics,
    SipMetrics sipMetrics,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    ILogger<SipFrontEnd> logger) : IHostedService, IAsyncDisposable
{
    private MediaEngine? _engine;
    private SipRegistrar? _registrar;
    private SipStack? _stack;
    private FrontEndCalls? _calls;
    private ICallMedia? _reference;
    private ITimer? _announcer;

    /// <summary>How often the front end renews its place in the <see cref="ICallMediaRegistry"/>; an announcement lasts
    /// three periods, so a front end that died drops out within half a minute.</summary>
    public static readonly TimeSpan AnnouncePeriod = TimeSpan.FromSeconds(10);

    /// <summary>This front end's name in the registry.</summary>
    public string FrontEndId { get; } = $"{node.Site}/{node.Bind}:{node.SipPort}";

    /// <summary>The running core; null before start.</summary>
    public FrontEndCalls? Calls => _calls;

    /// <summary>Where the registered agents' phones are; null before start.</summary>
    public AgentBindingStore? Bindings { get; private set; }

    /// <summary>The running stack; null before start.</summary>
    public SipStack? Stack => _stack;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = await store.GetAsync<SiteSettings>(SiteSettings.SiteId, cancellationToken);
        var realm = settings?.SipRealm ?? SiteSettings.DefaultSipRealm;
        if (!PortRange.TryParse(node.RtpPorts, out var rtp))
        {
            throw new NodeConfigurationException($"--rtp-ports {node.RtpPorts} is not a port range");
        }
        _engine = new MediaEngine(
            new MediaEngineOptions
            {
                // RTP pairs start on even ports (RFC 3550 §11).
                Transport = new RtpTransportOptions { BindAddress = IPAddress.Parse(node.Bind), PortRangeStart = rtp.First + (rtp.First % 2), PortRangeEnd = rtp.Last },
                RecordingDirectory = options.RecordingDirectory,
            },
            time, loggerFactory);
        // Shared by every front end of a PostgreSQL site: a phone registered here can be rung from any of them.
        var bindings = Bindings = new AgentBindingStore(registrations, loggerFactory.CreateLogger<AgentBindingStore>());
        var authenticator = new SipDigestAuthenticator(
            new AgentCredentialStore(store, realm), time, loggerFactory.CreateLogger<SipDigestAuthenticator>(),
            new SipAuthenticationOptions { Realm = realm, Algorithms = options.DigestAlgorithms ?? [SipDigestAlgorithm.Md5] });
        _registrar = new SipRegistrar(bindings, time, loggerFactory.CreateLogger<SipRegistrar>(), authenticator: authenticator);
        if (advertised.Interface is { } chosenFrom)
        {
            LogAdvertisedAddressChosen(logger, node.Bind, advertised.Address.ToString(), chosenFrom);
        }
        var advertisedHost = advertised.Address.ToString();
        _calls = new FrontEndCalls(grains, store, _engine, bindings, authenticator, options, advertisedHost, trustLoopback: node.ConnectionString is null, time,
            metrics, loggerFactory.CreateLogger<FrontEndCalls>());
        _stack = SipStack.Start(
            new SipTransportOptions { BindAddress = node.Bind, AdvertisedAddress = advertisedHost, UdpPort = node.SipPort, TcpPort = node.SipPort },
            _calls, time, loggerFactory, sipMetrics, registrar: _registrar);
        _reference = grains.CreateObjectReference<ICallMedia>(_calls);
        _calls.Attach(_stack.UserAgent, _reference, _stack.LocalEndPoint(Sip.Transactions.SipTransportKind.Udp).Port);
        await AnnounceAsync();
        _announcer = time.CreateTimer(_ => _ = AnnounceAsync(), null, AnnouncePeriod, AnnouncePeriod);
        LogStarted(logger, node.Bind, node.SipPort, rtp.ToString(), realm);
        LogRegistrationStore(logger, registrations.GetType().Name);
    }

    /// <summary>Tells the cluster that calls starting there (agents dialling out) may use this front end; a failure is
    /// logged and the next period tries again.</summary>
    private async Task AnnounceAsync()
    {
        if (_reference is not { } reference)
        {
            return;
        }
        try
        {
            await grains.GetGrain<ICallMediaRegistry>(ICallMediaRegistry.Key).AnnounceAsync(FrontEndId, reference, node.Site, AnnouncePeriod * 3);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogAnnounceFailed(logger, FrontEndId, exception.Message);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_calls is { } calls)
        {
            var open = calls.CallCount;
            calls.HangUpAll();
            LogStopping(logger, open);
        }
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_announcer is { } announcer)
        {
            _announcer = null;
            await announcer.DisposeAsync();
        }
        if (_reference is { } reference)
        {
            _reference = null;
            try
            {
                await grains.GetGrain<ICallMediaRegistry>(ICallMediaRegistry.Key).WithdrawAsync(FrontEndId);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogAnnounceFailed(logger, FrontEndId, exception.Message); // it lapses by itself
            }
            grains.DeleteObjectReference(reference);
        }
        if (_stack is { } stack)
        {
            _stack = null;
            await stack.DisposeAsync();
        }
        _registrar?.Dispose();
        _registrar = null;
        if (_engine is { } engine)
        {
            _engine = null;
            await engine.DisposeAsync();
        }
    }

    [LoggerMessage(150, LogLevel.Information, "Telephony: SIP front end up on {Bind}:{SipPort} (UDP and TCP), RTP {RtpPorts}, realm {Realm}")]
    private static partial void LogStarted(ILogger logger, string bind, int sipPort, string rtpPorts, string realm);

    [LoggerMessage(270, LogLevel.Information, "Telephony: agents' phone registrations kept in {Store}")]
    private static partial void LogRegistrationStore(ILogger logger, string store);

    [LoggerMessage(151, LogLevel.Information, "Telephony: SIP front end stopping; {Calls} calls hung up")]
    private static partial void LogStopping(ILogger logger, int calls);

    [LoggerMessage(173, LogLevel.Warning, "Telephony: front end {FrontEndId} could not update its entry in the call media registry: {Error}")]
    private static partial void LogAnnounceFailed(ILogger logger, string frontEndId, string error);

    [LoggerMessage(231, LogLevel.Information, "Telephony: bound to {Bind}; advertising {Address} (interface {Interface}) in SDP and SIP headers; set --advertise to choose another")]
    private static partial void LogAdvertisedAddressChosen(ILogger logger, string bind, string address, string @interface);
}
