using System.Diagnostics.Metrics;

namespace ContactCenter.Actors.Diagnostics;

/// <summary>The runtime's instruments (meter <c>ContactCenter.Actors</c>).</summary>
internal sealed class RuntimeMetrics : IDisposable
{
    public const string MeterName = "ContactCenter.Actors";
    private readonly Meter _meter;

    public RuntimeMetrics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        Activations = _meter.CreateUpDownCounter<long>("actors.activations", description: "Activations on this silo");
        RemoteRequests = _meter.CreateCounter<long>("actors.remote_requests", description: "Grain and observer requests sent to other processes");
        CallTimeouts = _meter.CreateCounter<long>("actors.call_timeouts", description: "Calls that did not answer in time");
        UndecodableFrames = _meter.CreateCounter<long>("actors.undecodable_frames", description: "Frames dropped because they could not be decoded");
        DeadVotes = _meter.CreateCounter<long>("actors.membership.dead_votes", description: "Silos this process voted dead");
    }

    public UpDownCounter<long> Activations { get; }

    public Counter<long> RemoteRequests { get; }

    public Counter<long> CallTimeouts { get; }

    public Counter<long> UndecodableFrames { get; }

    public Counter<long> DeadVotes { get; }

    public void Dispose() => _meter.Dispose();
}
