using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web;

/// <summary>Registration of the web role's services.</summary>
public static class WebServiceCollectionExtensions
{
    /// <summary>Registers the web role: problem details for every error, JSON as the API speaks it (camelCase, enums as
    /// strings) and the OpenAPI document <c>v1</c>. The host adds the stores and the cluster client it reads.</summary>
    public static IServiceCollection AddContactCenterWeb(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi("v1");
        return services;
    }
}
