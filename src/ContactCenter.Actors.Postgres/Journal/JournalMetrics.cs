using System.Diagnostics.Metrics;

namespace ContactCenter.Actors.Postgres;

/// <summary>The PostgreSQL journal's instruments (meter <c>ContactCenter.Actors.Postgres</c>).</summary>
internal sealed class JournalMetrics
{
    public const string MeterName = "ContactCenter.Actors.Postgres";

    /// <summary>Without a meter factory (a journal built by hand, as tests and benchmarks do), one meter for the process:
    /// a meter per journal instance would never be disposed.</summary>
    private static readonly Meter SharedMeter = new(MeterName);

    public JournalMetrics(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(MeterName) ?? SharedMeter;
        BatchSize = meter.CreateHistogram<int>(
            "actors.journal.batch_size", unit: "{append}", description: "Appends written together in one journal transaction");
        BatchDuration = meter.CreateHistogram<double>(
            "actors.journal.batch_duration", unit: "ms", description: "Round trip and commit of one journal batch");
        Conflicts = meter.CreateCounter<long>(
            "actors.journal.append_conflicts", description: "Appends that lost their compare-and-swap");
        FailedBatches = meter.CreateCounter<long>(
            "actors.journal.failed_batches", description: "Journal batches that failed as a whole (every append in them failed)");
    }

    public Histogram<int> BatchSize { get; }

    public Histogram<double> BatchDuration { get; }

    public Counter<long> Conflicts { get; }

    public Counter<long> FailedBatches { get; }
}
