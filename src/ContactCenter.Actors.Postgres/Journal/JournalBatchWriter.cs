using Npgsql;

namespace ContactCenter.Actors.Postgres;

/// <summary>Writes one batch of appends with one call of <c>journal_append_batch</c> (migration 0003): one round trip,
/// one transaction, one advisory lock, one commit; each append keeps its own compare-and-swap outcome.</summary>
internal sealed class JournalBatchWriter(NpgsqlDataSource dataSource, PostgresClock clock)
{
    /// <summary>The outcome of each append, in batch order. Streams must be distinct within a batch. Not cancellable:
    /// once sent, a batch's outcome is whatever the database decided.</summary>
    public async Task<JournalAppendOutcome[]> WriteAsync(IReadOnlyList<PendingAppend> batch)
    {
        var streamIds = new string[batch.Count];
        var expected = new long[batch.Count];
        var newVersions = new long[batch.Count];
        var eventCount = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            streamIds[i] = batch[i].StreamId;
            expected[i] = batch[i].ExpectedVersion;
            newVersions[i] = batch[i].NewVersion;
            eventCount += batch[i].Events.Count;
        }
        var eventAppends = new int[eventCount];
        var eventVersions = new long[eventCount];
        var eventTypes = new string[eventCount];
        var eventData = new string[eventCount];
        var e = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var events = batch[i].Events;
            for (var j = 0; j < events.Count; j++, e++)
            {
                eventAppends[e] = i + 1;
                eventVersions[e] = batch[i].ExpectedVersion + j + 1;
                eventTypes[e] = events[j].EventType;
                eventData[e] = events[j].Json;
            }
        }

        await using var command = dataSource.CreateCommand(
            "SELECT batch_index, claimed, stored_version FROM journal_append_batch($1, $2, $3, $4, $5, $6, $7, $8)");
        command.Parameters.AddWithValue(streamIds);
        command.Parameters.AddWithValue(expected);
        command.Parameters.AddWithValue(newVersions);
        command.Parameters.AddWithValue(eventAppends);
        command.Parameters.AddWithValue(eventVersions);
        command.Parameters.AddWithValue(eventTypes);
        command.Parameters.AddWithValue(eventData);
        command.Parameters.AddWithValue(clock.Offset);
        var outcomes = new JournalAppendOutcome[batch.Count];
        var answered = 0;
        await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                outcomes[reader.GetInt32(0) - 1] = new JournalAppendOutcome(reader.GetBoolean(1), reader.GetInt64(2));
                answered++;
            }
        }
        if (answered != batch.Count)
        {
            throw new InvalidOperationException($"journal_append_batch answered {answered} of {batch.Count} appends");
        }
        return outcomes;
    }
}
