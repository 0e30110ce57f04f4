namespace ContactCenter.Benchmarks.Grains;

/// <summary>Event-sourced with the runtime's defaults (a snapshot every 100 events), as domain grains are.</summary>
public sealed class LedgerGrain : JournaledGrain<LedgerState, LedgerEvent>, ILedgerGrain
{
    public async Task<long> Record(int amount)
    {
        RaiseEvent(new AmountRecorded(amount));
        await ConfirmEvents();
        return ConfirmedVersion;
    }
}
