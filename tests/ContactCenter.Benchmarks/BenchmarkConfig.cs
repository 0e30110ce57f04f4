using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace ContactCenter.Benchmarks;

/// <summary>The default job and columns plus operations per second and the median (BenchmarkDotNet's statistics are
/// over iteration means; per-call percentiles come from the <c>latency</c> mode).</summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond);
    }
}
