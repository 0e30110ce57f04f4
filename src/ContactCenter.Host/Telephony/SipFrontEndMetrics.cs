using System.Diagnostics.Metrics;

namespace ContactCenter.Host.Telephony;

/// <summary>The front end's instruments (meter <c>ContactCenter.Host.Telephony</c>): calls by how their INVITE was
/// decided, outbound calls, transfers and listen-ins by outcome, and agent legs by how ringing ended.</summary>
internal sealed class SipFrontEndMetrics : IDisposable
{
    /// <summary>The meter name to listen to.</summary>
    public const string MeterName = "ContactCenter.Host.Telephony";

    private readonly Meter _meter;

    public SipFrontEndMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        InboundCalls = _meter.CreateCounter<long>("telephony.calls.inbound",
            description: "INVITEs from outside, by outcome (arrived, forbidden, not_found, not_acceptable, refused, failed)");
        AgentLegs = _meter.CreateCounter<long>("telephony.agent_legs",
            description: "Agent legs rung, by outcome (answered, no_answer, busy, declined, unreachable)");
        OutboundCalls = _meter.CreateCounter<long>("telephony.calls.outbound",
            description: "Calls agents dial out, by outcome (started, answered, failed)");
        Transfers = _meter.CreateCounter<long>("telephony.transfers", description: "Blind transfers to numbers, by outcome (completed, failed)");
        ListenIns = _meter.CreateCounter<long>("telephony.listen_ins", description: "Supervisors' legs, by outcome (listening, unreachable)");
        ActiveCalls = _meter.CreateUpDownCounter<long>("telephony.calls.active", description: "Calls whose legs this front end holds");
    }

    /// <summary>Inbound INVITEs by outcome.</summary>
    public Counter<long> InboundCalls { get; }

    /// <summary>Agent legs by outcome.</summary>
    public Counter<long> AgentLegs { get; }

    /// <summary>Outbound calls by outcome.</summary>
    public Counter<long> OutboundCalls { get; }

    /// <summary>Blind transfers to numbers by outcome.</summary>
    public Counter<long> Transfers { get; }

    /// <summary>Supervisors' listen-in legs by outcome.</summary>
    public Counter<long> ListenIns { get; }

    /// <summary>Calls held now.</summary>
    public UpDownCounter<long> ActiveCalls { get; }

    public void Dispose() => _meter.Dispose();
}
