-- Grain state documents: one row per (state name, grain), compare-and-swap on version.
CREATE TABLE actor_state (
    state_name  text        NOT NULL,
    grain_id    text        NOT NULL,
    version     bigint      NOT NULL CHECK (version > 0),
    data        jsonb,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (state_name, grain_id)
);

-- Event journal: the stream row is the version arbiter; events carry a global position for projections.
CREATE TABLE journal_streams (
    stream_id   text   PRIMARY KEY,
    version     bigint NOT NULL CHECK (version > 0)
);

CREATE TABLE journal_events (
    stream_id   text        NOT NULL,
    version     bigint      NOT NULL,
    position    bigint      NOT NULL GENERATED ALWAYS AS IDENTITY,
    event_type  text        NOT NULL,
    data        jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (stream_id, version)
);

CREATE UNIQUE INDEX journal_events_position ON journal_events (position);

CREATE TABLE journal_snapshots (
    stream_id   text   PRIMARY KEY,
    version     bigint NOT NULL,
    data        jsonb  NOT NULL
);
