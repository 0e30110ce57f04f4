using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Interop.Tests.Ivr;

/// <summary>An external lookup service on loopback (Kestrel in this process): <c>/echo</c> answers JSON naming the
/// method, query and body it got, <c>/fail</c> answers 500, <c>/slow</c> answers only when the client gives up.</summary>
internal sealed class LookupServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LookupServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string BaseUrl { get; }

    public static async Task<LookupServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Map("/echo", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            return Results.Json(new EchoAnswer(context.Request.Method, context.Request.QueryString.Value ?? "", body,
                context.Request.ContentType ?? ""));
        });
        app.Map("/fail", () => Results.Text("""{"error":"down"}""", "application/json", statusCode: 500));
        app.Map("/slow", async (HttpContext context) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return Results.Ok();
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LookupServer(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
