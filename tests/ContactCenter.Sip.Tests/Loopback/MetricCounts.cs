using System.Diagnostics.Metrics;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Tests.Loopback;

/// <summary>Sums the long measurements of one <see cref="SipMetrics"/> instance by instrument name.</summary>
internal sealed class MetricCounts : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _counts = [];

    public MetricCounts(SipMetrics metrics)
    {
        Instrument[] ours = [metrics.MalformedMessages, metrics.KeepAlivePings, metrics.TransportErrors, metrics.OverloadRejections, metrics.Connections];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ours.Contains(instrument))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (_counts)
            {
                _counts[instrument.Name] = _counts.GetValueOrDefault(instrument.Name) + value;
            }
        });
        _listener.Start();
    }

    public long this[string name]
    {
        get
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(name);
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
