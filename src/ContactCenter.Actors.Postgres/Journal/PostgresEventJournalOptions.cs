namespace ContactCenter.Actors.Postgres;

/// <summary>Group commit of <see cref="PostgresEventJournal"/>.</summary>
public sealed class PostgresEventJournalOptions
{
    /// <summary>The most appends one batch (one round trip, one transaction, one commit) carries; appends beyond it wait
    /// for the next batch. Default 256.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>Fails fast on a setting the journal cannot work with.</summary>
    public void Validate()
    {
        if (MaxBatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBatchSize), MaxBatchSize, "the journal's MaxBatchSize must be at least 1");
        }
    }
}
