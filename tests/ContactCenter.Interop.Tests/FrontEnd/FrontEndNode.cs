using System.Globalization;
using ContactCenter.Actors;
using ContactCenter.Host;
using ContactCenter.Host.Telephony;
using ContactCenter.Storage.Documents;
using ContactCenter.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>The host's node with the silo and sip roles on the in-memory providers (the demo: loopback is trusted),
/// in this process on free loopback ports, so a test can seed its documents and read its grains.</summary>
internal sealed class FrontEndNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FrontEndNode(WebApplication app, int sipPort)
    {
        _app = app;
        SipPort = sipPort;
    }

    public int SipPort { get; }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public IDocumentStore Documents => _app.Services.GetRequiredService<IDocumentStore>();

    /// <summary>The node's event journal (in memory): every call grain's events, for tests that look calls up after
    /// they ended.</summary>
    public IEventJournal Journal => _app.Services.GetRequiredService<IEventJournal>();

    public FrontEndCalls Calls => _app.Services.GetRequiredService<SipFrontEnd>().Calls!;

    public AgentBindingStore Bindings => _app.Services.GetRequiredService<SipFrontEnd>().Bindings!;

    /// <summary>Starts a node with RTP on <paramref name="rtpPorts"/>; <paramref name="overrideServices"/> replaces
    /// services after the node registered its own (a document store that holds a read); <paramref name="flags"/> are
    /// more of the node's flags (later ones win), e.g. <c>--Telephony:RecordingDirectory=…</c> for the call recordings.</summary>
    public static async Task<FrontEndNode> StartAsync(string rtpPorts, Action<IServiceCollection>? overrideServices = null,
        IReadOnlyList<string>? flags = null)
    {
        var ports = LoopbackPorts.Tcp(2);
        var sipPort = LoopbackPorts.UdpAndTcp();
        var app = NodeApplication.Build(
        [
            "--roles", "silo,sip",
            "--http-port", ports[0].ToString(CultureInfo.InvariantCulture),
            "--silo-port", ports[1].ToString(CultureInfo.InvariantCulture),
            "--sip-port", sipPort.ToString(CultureInfo.InvariantCulture),
            "--rtp-ports", rtpPorts,
            "--postgres=", // the demo's in-memory providers even where CI sets a PostgreSQL connection string
            "--Logging:LogLevel:Default=Warning",
            .. flags ?? [],
        ], overrideServices);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
            return new FrontEndNode(app, sipPort);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
