using System.Diagnostics.Metrics;
using ContactCenter.Host.Configuration;
using ContactCenter.Host.Ivr;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Host.Telephony;

/// <summary>Registers the sip role: the SIP/media front end (<see cref="SipFrontEnd"/>) and the prompts it generates
/// (<see cref="IvrPromptsHostedService"/>).</summary>
internal static class TelephonyServiceCollectionExtensions
{
    /// <summary>Adds the front end; call after the cluster member is added, so it starts after it (its observer
    /// reference needs the running silo or client) and stops before it.</summary>
    public static IServiceCollection AddSipFrontEnd(this IServiceCollection services, NodeOptions node, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(node);
        var options = new SipFrontEndOptions();
        configuration.GetSection(SipFrontEndOptions.SectionName).Bind(options);
        services.AddSingleton(options);
        // Resolved while the node is built, so a wildcard bind without an address to advertise fails start-up as a
        // configuration error.
        services.AddSingleton(AdvertisedAddress.Resolve(node, AdvertisedAddress.ReadInterfaces()));
        services.TryAddSingleton(node);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new SipFrontEndMetrics(provider.GetService<IMeterFactory>()));
        services.AddSingleton(provider => new SipMetrics(provider.GetService<IMeterFactory>()));
        services.AddSingleton<SipFrontEnd>();
        services.AddHostedService(provider => provider.GetRequiredService<SipFrontEnd>());
        // The speech of the IVR trees' text prompts and the announcements' recordings, ready before calls play them.
        services.AddSingleton<IvrPromptsHostedService>();
        services.AddHostedService(provider => provider.GetRequiredService<IvrPromptsHostedService>());
        return services;
    }
}
