using System.Globalization;
using ContactCenter.Actors;
using ContactCenter.Host;
using ContactCenter.Storage.Contacts;
using ContactCenter.Storage.Documents;
using ContactCenter.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Browser.Tests;

/// <summary>The single-node contact center as <c>dotnet run --project src/ContactCenter.Host</c> starts it (silo and
/// web roles, in-memory providers, the demo users) on free loopback ports, in this process so a test can create calls
/// through its grains and fill its stores.</summary>
internal sealed class BrowserSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BrowserSite(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Silo Silo => _app.Services.GetRequiredService<Silo>();

    public IGrainFactory Grains => Silo.GrainFactory;

    public IContactDirectory Contacts => _app.Services.GetRequiredService<IContactDirectory>();

    /// <summary>The configuration documents, voicemails and callback requests the web role serves.</summary>
    public IDocumentStore Documents => _app.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Starts the site; <paramref name="settings"/> are more command-line settings
    /// (<c>--Telephony:VoicemailDirectory=…</c>).</summary>
    public static async Task<BrowserSite> StartAsync(params string[] settings)
    {
        var ports = LoopbackPorts.Tcp(2);
        var app = NodeApplication.Build(
        [
            "--roles", "silo,web",
            "--http-port", ports[0].ToString(CultureInfo.InvariantCulture),
            "--silo-port", ports[1].ToString(CultureInfo.InvariantCulture),
            "--postgres=", // the demo's in-memory providers even where CI sets a PostgreSQL connection string
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ]);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
            return new BrowserSite(app, new Uri($"http://127.0.0.1:{ports[0]}/"));
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
