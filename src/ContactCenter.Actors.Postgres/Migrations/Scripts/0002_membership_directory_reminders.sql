-- Membership: one row per process generation; every status change advances the single cluster version row.
CREATE TABLE cluster_version (
    id       int    PRIMARY KEY CHECK (id = 1),
    version  bigint NOT NULL
);
INSERT INTO cluster_version (id, version) VALUES (1, 0);

CREATE TABLE cluster_members (
    address       text        PRIMARY KEY,
    kind          smallint    NOT NULL,
    site          text        NOT NULL,
    status        smallint    NOT NULL,
    started_at    timestamptz NOT NULL,
    heartbeat_at  timestamptz NOT NULL
);

-- Grain directory: the owner of each grain's single activation.
CREATE TABLE grain_directory (
    grain_id  text PRIMARY KEY,
    owner     text NOT NULL
);

-- Durable reminders; grain_hash (0 .. 2^32-1) places them on the ring of silos.
CREATE TABLE reminders (
    grain_id    text        NOT NULL,
    name        text        NOT NULL,
    grain_hash  bigint      NOT NULL,
    start_at    timestamptz NOT NULL,
    period      interval    NOT NULL,
    version     bigint      NOT NULL,
    PRIMARY KEY (grain_id, name)
);
CREATE INDEX reminders_grain_hash ON reminders (grain_hash);
