namespace ContactCenter.Benchmarks.Grains;

public sealed class LedgerState : IJournaledState<LedgerEvent>
{
    public long Total { get; set; }

    public long Entries { get; set; }

    public void Apply(LedgerEvent @event)
    {
        if (@event is AmountRecorded recorded)
        {
            Total += recorded.Amount;
            Entries++;
        }
    }
}
