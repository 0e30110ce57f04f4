using System.Diagnostics.Metrics;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Interop.Tests.Stacks;

/// <summary>Sums the measurements of one <see cref="SipMetrics"/> instance that interop tests check: malformed
/// messages received (a peer's message we could not parse) and overload rejections.</summary>
internal sealed class StackCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _malformed;
    private long _overloadRejections;

    public StackCounters(SipMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument == metrics.MalformedMessages || instrument == metrics.OverloadRejections)
            {
                listener.EnableMeasurementEvents(instrument, metrics);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, state) =>
        {
            if (ReferenceEquals(instrument, ((SipMetrics)state!).MalformedMessages))
            {
                Interlocked.Add(ref _malformed, value);
            }
            else
            {
                Interlocked.Add(ref _overloadRejections, value);
            }
        });
        _listener.Start();
    }

    public long MalformedMessages => Interlocked.Read(ref _malformed);

    public long OverloadRejections => Interlocked.Read(ref _overloadRejections);

    public override string ToString() => $"malformed messages received {MalformedMessages}, overload rejections {OverloadRejections}";

    public void Dispose() => _listener.Dispose();
}
