-- Audit log (ADM-4): one row per attempted write of a configuration document or contact through the API, committed or
-- refused. Append-only: the sequence (an identity, so later appends get larger values) is the entry's id and the
-- newest-first keyset order; the trigger below refuses UPDATE and DELETE, so an entry once written is never changed by
-- the application. before/after are json, not jsonb: the documents are kept verbatim as the API wrote them (key order
-- and all) and still checked to be JSON. "C" collation keeps the filter keys byte-wise, as the in-memory log compares.
--
-- Query shapes: newest first (the primary key backwards), optionally within a period (audit_log_at), by actor
-- (audit_log_actor) or by document (audit_log_target; by kind alone through its prefix), each then ordered by
-- sequence so a page is an index range.
CREATE TABLE audit_log (
    sequence        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at              timestamptz      NOT NULL,
    actor           text COLLATE "C" NOT NULL,
    action          text COLLATE "C" NOT NULL,
    kind            text COLLATE "C" NOT NULL,
    target_id       text COLLATE "C" NOT NULL,
    outcome         text COLLATE "C" NOT NULL,
    before          json             NULL,
    after           json             NULL,
    client_address  text             NULL
);

CREATE INDEX audit_log_at ON audit_log (at, sequence);
CREATE INDEX audit_log_actor ON audit_log (actor, sequence);
CREATE INDEX audit_log_target ON audit_log (kind, target_id, sequence);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
