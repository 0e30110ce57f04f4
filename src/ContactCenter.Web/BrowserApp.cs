using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace ContactCenter.Web;

/// <summary>The browser app (sign-in, agent workspace, supervisor view, wallboard): built from <c>client/</c> into
/// <c>wwwroot/</c> by the project's MSBuild targets and embedded in this assembly, so every host of the web role serves
/// the app it was built with, whatever its content root. The pages are static and open to all — they hold no data;
/// everything they show comes from the API and the hubs, which check roles.</summary>
public static class BrowserApp
{
    /// <summary>The pages served without their <c>.html</c> suffix too (<c>/agent</c> is <c>/agent.html</c>).</summary>
    public static IReadOnlyList<string> Pages { get; } = ["agent", "supervisor", "wallboard"];

    // Written by the Microsoft.Extensions.FileProviders.Embedded build targets when the assembly embeds any file.
    private const string ManifestResourceName = "Microsoft.Extensions.FileProviders.Embedded.Manifest.xml";

    /// <summary>The embedded files; null when the assembly was built without the app (<c>-p:BuildBrowserApp=false</c>).</summary>
    public static IFileProvider? Files { get; } = typeof(BrowserApp).Assembly.GetManifestResourceInfo(ManifestResourceName) is null
        ? null
        : new ManifestEmbeddedFileProvider(typeof(BrowserApp).Assembly, "wwwroot");

    /// <summary>Serves the app's files anonymously: <c>/</c> is the sign-in page, <c>/agent</c>, <c>/supervisor</c> and
    /// <c>/wallboard</c> (or their <c>.html</c>) the pages, <c>/assets/*</c> the content-hashed scripts and styles (cached
    /// for a year; the pages are revalidated on every load). Must come before authorization, whose fallback policy would
    /// otherwise challenge them.</summary>
    public static IApplicationBuilder UseBrowserApp(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (Files is not { } files)
        {
            return app;
        }
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value;
            if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && path is { Length: > 1 } && Pages.Contains(path.TrimEnd('/')[1..], StringComparer.Ordinal))
            {
                context.Request.Path = $"{path.TrimEnd('/')}.html";
            }
            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = ["index.html"] });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal)
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        });
        return app;
    }
}
