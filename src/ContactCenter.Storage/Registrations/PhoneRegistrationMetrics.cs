using System.Diagnostics.Metrics;

namespace ContactCenter.Storage.Registrations;

/// <summary>The PostgreSQL registration store's instruments (meter <see cref="MeterName"/>): writes by outcome, where
/// conflicts measure how often front ends race for one phone's bindings, and expired bindings purged.</summary>
public sealed class PhoneRegistrationMetrics : IDisposable
{
    /// <summary>The meter name to listen to.</summary>
    public const string MeterName = "ContactCenter.Storage.PhoneRegistrations";

    private readonly Meter _meter;
    private readonly Counter<long> _writes;
    private readonly Counter<long> _purged;

    /// <summary>Creates the instruments on <paramref name="meterFactory"/>'s meter (a meter of its own without one).</summary>
    public PhoneRegistrationMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _writes = _meter.CreateCounter<long>("phone_registrations.writes", unit: "{write}",
            description: "Compare-and-swap writes of an address-of-record's bindings, by outcome (written, conflict)");
        _purged = _meter.CreateCounter<long>("phone_registrations.purged", unit: "{binding}",
            description: "Expired bindings the purge removed");
    }

    /// <summary>A write was applied (<paramref name="written"/>) or lost to a concurrent one.</summary>
    public void Write(bool written) => _writes.Add(1, new KeyValuePair<string, object?>("outcome", written ? "written" : "conflict"));

    /// <summary>A purge removed <paramref name="count"/> expired bindings.</summary>
    public void Purged(int count) => _purged.Add(count);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
