using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.TestSupport;

public static class ServiceCollectionDecoration
{
    /// <summary>Replaces the singleton registration of <typeparamref name="TService"/> with <paramref name="decorate"/>
    /// applied to it (whatever provider family registered it).</summary>
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, TService> decorate)
        where TService : class
    {
        var descriptor = services.LastOrDefault(d => d.ServiceType == typeof(TService))
            ?? throw new InvalidOperationException($"{typeof(TService).Name} is not registered");
        services.Remove(descriptor);
        services.AddSingleton(provider => decorate(descriptor.ImplementationInstance is TService instance
            ? instance
            : descriptor.ImplementationFactory is { } factory
                ? (TService)factory(provider)
                : (TService)ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!)));
        return services;
    }
}
