-- Configuration documents (skills, queues, agent profiles, pause codes, call categories, no-answer policies, IVR trees,
-- site settings): one jsonb body per (kind, id), versioned for compare-and-swap writes. The version column is the
-- truth; the body is the document as the store serialises it. "C" collation makes listing by id byte-wise (code-point
-- order, as the in-memory store sorts). Writers announce each committed change on channel config_documents
-- (pg_notify in the write's transaction), so every process's store can tell its readers.
CREATE TABLE config_documents (
    kind        text COLLATE "C" NOT NULL,
    id          text COLLATE "C" NOT NULL,
    version     bigint           NOT NULL CHECK (version > 0),
    body        jsonb            NOT NULL,
    updated_at  timestamptz      NOT NULL,
    PRIMARY KEY (kind, id)
);
