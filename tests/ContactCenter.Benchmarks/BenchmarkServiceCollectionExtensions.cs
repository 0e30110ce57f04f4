using ContactCenter.Benchmarks.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks;

public static class BenchmarkServiceCollectionExtensions
{
    /// <summary>Registers the benchmark grains, their serializer metadata and the shared <see cref="StreamProbe"/>.</summary>
    public static IServiceCollection AddBenchmarkGrains(this IServiceCollection services, StreamProbe probe) =>
        services
            .AddGrain<IPingGrain, PingGrain>()
            .AddGrain<ICallerGrain, CallerGrain>()
            .AddGrain<IColdGrain, ColdGrain>()
            .AddGrain<ILedgerGrain, LedgerGrain>()
            .AddGrain<IStreamSinkGrain, StreamSinkGrain>()
            .AddSerializerContext(BenchmarkJsonContext.Default)
            .AddSingleton(probe);
}
