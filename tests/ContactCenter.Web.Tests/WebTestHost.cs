using ContactCenter.Storage.Audit;
using ContactCenter.Storage.Contacts;
using ContactCenter.Storage.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests;

/// <summary>The web role on an in-process test server over the in-memory stores, as the single-node host wires it:
/// real authentication (sign in with accounts stored in the document store), every API, problem details.</summary>
internal sealed class WebTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebTestHost(WebApplication app)
    {
        _app = app;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>The in-process server (for WebSocket clients).</summary>
    public TestServer Server => _app.GetTestServer();

    /// <summary>Starts the web role; <paramref name="configure"/> adds services and <paramref name="map"/> maps endpoints
    /// beyond what <see cref="WebServiceCollectionExtensions.AddContactCenterWeb"/> and
    /// <see cref="WebApplicationExtensions.MapContactCenterWeb"/> do.</summary>
    public static async Task<WebTestHost> StartAsync(Action<IServiceCollection>? configure = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddInMemoryDocumentStore();
        builder.Services.AddInMemoryContactDirectory();
        builder.Services.AddInMemoryAuditLog();
        builder.Services.AddContactCenterWeb();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapContactCenterWeb();
        map?.Invoke(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new WebTestHost(app);
    }

    /// <summary>A client of the test server (cookies are kept per client).</summary>
    public HttpClient CreateClient() => _app.GetTestClient();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TestContext.Current.CancellationToken);
        await _app.DisposeAsync();
    }
}
