using ContactCenter.Grains.Ivr;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Host.Ivr;

/// <summary>Registers the host's side of the IVR.</summary>
internal static class IvrServiceCollectionExtensions
{
    /// <summary>Replaces the in-memory <see cref="IIvrServices"/> that <c>AddCalls</c> registers with
    /// <see cref="HostIvrServices"/> (HTTP lookups, announcements, callbacks and voicemails in the document store); every
    /// process that runs the silo role calls it after <c>AddCalls</c>.</summary>
    public static IServiceCollection AddHostIvrServices(this IServiceCollection services)
    {
        // No handler logging: the factory's would log request URLs, which may carry what callers keyed in.
        services.AddHttpClient(HostIvrServices.HttpClientName, client =>
            {
                // Each request has its own timeout (HostIvrServices); the client's would only mask it.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.MaxResponseContentBufferSize = HostIvrServices.MaxAnswerLength;
            })
            .RemoveAllLoggers();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HostIvrServices>();
        services.Replace(ServiceDescriptor.Singleton<IIvrServices>(provider => provider.GetRequiredService<HostIvrServices>()));
        return services;
    }
}
