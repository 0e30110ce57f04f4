-- Interaction facts (one row per call, written only by the interaction-facts projection) and the journal positions of
-- projections. The fact is one jsonb document, stored whole; the columns beside it are the keys reports filter and
-- page by, copied from it in the same statement. Pages are keyset pages on (started_at, id), the order of the
-- in-memory store: "C" collation makes id ordering byte-wise (code-point order). timestamptz keeps microseconds, so
-- facts whose start times differ by less than that order by id alone here (the document keeps the exact time).
CREATE TABLE interaction_facts (
    id          text COLLATE "C" PRIMARY KEY,
    started_at  timestamptz      NOT NULL,
    queue_id    text COLLATE "C" NULL,
    agent_id    text COLLATE "C" NULL,
    ended_at    timestamptz      NULL,
    end_reason  text             NULL,
    data        jsonb            NOT NULL
);

CREATE INDEX interaction_facts_started ON interaction_facts (started_at, id);
CREATE INDEX interaction_facts_queue ON interaction_facts (queue_id, started_at);
CREATE INDEX interaction_facts_agent ON interaction_facts (agent_id, started_at);

-- A projection's position in the journal's global order, moved by compare-and-swap in the transaction that writes its
-- rows, so a stale writer (an activation that lost its silo) stores nothing.
CREATE TABLE projection_positions (
    name        text COLLATE "C" PRIMARY KEY,
    position    bigint           NOT NULL
);

INSERT INTO projection_positions (name, position) VALUES ('interaction-facts', 0);
