using ContactCenter.Web.Apis;
using Microsoft.AspNetCore.Builder;

namespace ContactCenter.Web;

/// <summary>The web role's middleware and endpoints.</summary>
public static class WebApplicationExtensions
{
    /// <summary>The prefix of every REST endpoint.</summary>
    public const string ApiPrefix = "/api/v1";

    /// <summary>Serves the browser app (<see cref="BrowserApp"/>, open to all, ahead of authentication and
    /// authorization, which this adds), maps the OpenAPI document at <c>/openapi/v1.json</c> (open to all) and the REST
    /// API under <see cref="ApiPrefix"/> (sign-in, configuration, contacts, voicemails, callbacks, audit; every endpoint
    /// declares its policy); errors answer as problem details.</summary>
    public static WebApplication MapContactCenterWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Static files short-circuit before authorization: its fallback policy (a signed-in user) would challenge them.
        app.UseBrowserApp();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        var api = app.MapGroup(ApiPrefix);
        api.MapAuthApi();
        api.MapConfigurationApi();
        api.MapUsersApi();
        api.MapContactsApi();
        api.MapVoicemailsApi();
        api.MapCallbacksApi();
        api.MapAuditApi();
        return app;
    }
}
