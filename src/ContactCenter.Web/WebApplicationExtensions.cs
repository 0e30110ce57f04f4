using Microsoft.AspNetCore.Builder;

namespace ContactCenter.Web;

/// <summary>The web role's middleware and endpoints.</summary>
public static class WebApplicationExtensions
{
    /// <summary>The prefix of every REST endpoint.</summary>
    public const string ApiPrefix = "/api/v1";

    /// <summary>Maps the OpenAPI document at <c>/openapi/v1.json</c> and the REST API under <see cref="ApiPrefix"/>; errors
    /// answer as problem details.</summary>
    public static WebApplication MapContactCenterWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
