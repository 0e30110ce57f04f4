using System.Diagnostics.Metrics;

namespace ContactCenter.Storage.Documents;

/// <summary>The document store's instruments (meter <see cref="MeterName"/>): reads that reach the database, and the
/// read-through cache's hits and misses, each by document kind (the stored name, e.g. <c>trunk</c>) and operation
/// (<c>get</c> or <c>list</c>).</summary>
public sealed class DocumentStoreMetrics : IDisposable
{
    /// <summary>The meter name to listen to.</summary>
    public const string MeterName = "ContactCenter.Storage.Documents";

    private readonly Meter _meter;
    private readonly Counter<long> _databaseReads;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _cacheResets;

    /// <summary>Creates the instruments on <paramref name="meterFactory"/>'s meter (a meter of its own without one).</summary>
    public DocumentStoreMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _databaseReads = _meter.CreateCounter<long>("documents.database.reads", unit: "{statement}",
            description: "Read statements the PostgreSQL document store ran, by kind and operation (get, list)");
        _cacheHits = _meter.CreateCounter<long>("documents.cache.hits", unit: "{read}",
            description: "Reads the document cache answered from memory, by kind and operation (get, list)");
        _cacheMisses = _meter.CreateCounter<long>("documents.cache.misses", unit: "{read}",
            description: "Reads the document cache passed to the store, by kind and operation (get, list)");
        _cacheResets = _meter.CreateCounter<long>("documents.cache.resets", unit: "{reset}",
            description: "Times the document cache was emptied because change notifications may have been missed");
    }

    /// <summary>One read statement of <paramref name="kind"/> ran on the database.</summary>
    public void DatabaseRead(string kind, string operation) => _databaseReads.Add(1, new("kind", kind), new("operation", operation));

    /// <summary>The cache answered a read of <paramref name="kind"/> from memory.</summary>
    public void CacheHit(string kind, string operation) => _cacheHits.Add(1, new("kind", kind), new("operation", operation));

    /// <summary>The cache passed a read of <paramref name="kind"/> on to the store.</summary>
    public void CacheMiss(string kind, string operation) => _cacheMisses.Add(1, new("kind", kind), new("operation", operation));

    /// <summary>The cache was emptied whole.</summary>
    public void CacheReset() => _cacheResets.Add(1);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
