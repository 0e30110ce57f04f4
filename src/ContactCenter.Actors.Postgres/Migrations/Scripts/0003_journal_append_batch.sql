-- Group commit of the event journal: the appends one process collected are written by one call of this function, in
-- one transaction (one round trip, one advisory lock, one commit), each with its own compare-and-swap outcome.
--
-- Steps, in this order (a function, so the order is explicit rather than left to a plan's data-modifying CTEs):
--   1. lock the batch's existing stream rows in stream id order, so batches of several processes cannot deadlock on
--      them (a stream row is then only ever waited for before the advisory lock, never while holding it);
--   2. claim each append's version: UPDATE … WHERE version = expected, or for expected 0 a first INSERT … ON CONFLICT DO
--      NOTHING (new streams in stream id order); an append whose claim fails appends nothing;
--   3. only if something was claimed: the advisory lock every journal append takes before its positions are drawn,
--      held to commit, so that positions become visible in position order (a reader that has read position P never
--      sees a smaller one commit later);
--   4. insert the claimed appends' events in batch order (append by append, event by event): positions are increasing
--      with versions and contiguous within one append;
--   5. one row per append: its index in the batch (1-based), whether it was claimed, and the stream's version now
--      (the new version when claimed; for a lost claim the version that beat it, 0 when the stream does not exist).
-- The caller guarantees that a stream appears at most once per batch.
CREATE FUNCTION journal_append_batch(
    p_stream_ids     text[],
    p_expected       bigint[],
    p_new_versions   bigint[],
    p_event_appends  int[],
    p_event_versions bigint[],
    p_event_types    text[],
    p_event_data     text[],
    p_clock_offset   interval)
RETURNS TABLE (batch_index int, claimed boolean, stored_version bigint)
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
DECLARE
    v_claimed int[];
BEGIN
    PERFORM 1 FROM journal_streams WHERE stream_id = ANY (p_stream_ids) ORDER BY stream_id FOR UPDATE;

    WITH appends AS (
        SELECT a.stream_id, a.expected, a.new_version, a.idx::int AS idx
        FROM unnest(p_stream_ids, p_expected, p_new_versions) WITH ORDINALITY AS a(stream_id, expected, new_version, idx)
    ), updated AS (
        UPDATE journal_streams s SET version = a.new_version
        FROM appends a
        WHERE a.expected > 0 AND s.stream_id = a.stream_id AND s.version = a.expected
        RETURNING a.idx
    ), created AS (
        INSERT INTO journal_streams (stream_id, version)
        SELECT a.stream_id, a.new_version FROM appends a WHERE a.expected = 0 ORDER BY a.stream_id
        ON CONFLICT DO NOTHING
        RETURNING stream_id
    )
    SELECT coalesce(array_agg(c.idx), '{}') INTO v_claimed
    FROM (
        SELECT u.idx FROM updated u
        UNION ALL
        SELECT a.idx FROM created n JOIN appends a ON a.stream_id = n.stream_id AND a.expected = 0
    ) c;

    IF cardinality(v_claimed) > 0 THEN
        PERFORM pg_advisory_xact_lock(73956288777804); -- 0x43434A524E4C, "CCJRNL": the lock of every journal append
        INSERT INTO journal_events (stream_id, version, event_type, data, created_at)
        SELECT p_stream_ids[e.append_index], e.version, e.event_type, e.data::jsonb, now() + p_clock_offset
        FROM unnest(p_event_appends, p_event_versions, p_event_types, p_event_data) WITH ORDINALITY
            AS e(append_index, version, event_type, data, ord)
        WHERE e.append_index = ANY (v_claimed)
        ORDER BY e.ord;
    END IF;

    RETURN QUERY
        SELECT a.idx::int, a.idx::int = ANY (v_claimed), coalesce(s.version, 0)
        FROM unnest(p_stream_ids) WITH ORDINALITY AS a(stream_id, idx)
        LEFT JOIN journal_streams s ON s.stream_id = a.stream_id
        ORDER BY a.idx;
END
$$;
