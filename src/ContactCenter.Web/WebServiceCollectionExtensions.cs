using System.Text.Json.Serialization;
using ContactCenter.Web.Apis;
using ContactCenter.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web;

/// <summary>Registration of the web role's services.</summary>
public static class WebServiceCollectionExtensions
{
    /// <summary>Registers the web role: problem details for every error, JSON as the API speaks it (camelCase, enums as
    /// strings), the voicemail directory (<see cref="VoicemailOptions"/>), the OpenAPI document <c>v1</c>, and
    /// authentication and authorization (<see cref="WebSecurityServiceCollectionExtensions.AddWebSecurity"/>). The host adds the stores it reads
    /// (documents, contacts, audit log).</summary>
    public static IServiceCollection AddContactCenterWeb(this IServiceCollection services, Action<WebSecurityOptions>? security = null)
    {
        services.AddWebSecurity(security);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOptions<VoicemailOptions>().BindConfiguration(VoicemailOptions.SectionName)
            .Validate(options => !string.IsNullOrWhiteSpace(options.VoicemailDirectory), "Telephony:VoicemailDirectory must name a directory")
            .ValidateOnStart();
        services.AddOpenApi("v1");
        return services;
    }
}
