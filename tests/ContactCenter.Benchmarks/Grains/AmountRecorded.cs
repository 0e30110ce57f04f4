namespace ContactCenter.Benchmarks.Grains;

public sealed record AmountRecorded(int Amount) : LedgerEvent;
