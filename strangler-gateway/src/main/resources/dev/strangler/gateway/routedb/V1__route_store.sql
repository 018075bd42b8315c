-- Schema version 1 of the strangler gateway's shared route store (strangler-gateway/README.md, "Several instances").
-- Applied once by the first gateway (or ./strangler routes import) that connects, under an advisory lock.

-- One row: the store's revision, raised by every change in the same transaction. Writers lock this row first, so
-- changes are made one at a time; instances poll the revision to find changes a notification did not bring.
CREATE TABLE strangler_route_table (
    id         smallint    PRIMARY KEY CHECK (id = 1),
    revision   bigint      NOT NULL CHECK (revision >= 0),
    updated_at timestamptz NOT NULL
);
INSERT INTO strangler_route_table (id, revision, updated_at) VALUES (1, 0, now());

-- One row per route. The definition is the route as an item of the route file's 'routes:' list, so the gateway's
-- route file reader validates what is stored exactly as it validates a file.
CREATE TABLE strangler_routes (
    id         text        PRIMARY KEY,
    position   integer     NOT NULL,
    definition text        NOT NULL,
    version    bigint      NOT NULL CHECK (version > 0),
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);

-- Every change: who, when, what, why, and the route before and after (its definition; null when added or removed).
CREATE TABLE strangler_route_audit (
    seq            bigserial   PRIMARY KEY,
    at             timestamptz NOT NULL,
    who            text        NOT NULL,
    action         text        NOT NULL,
    route_id       text        NOT NULL,
    reason         text,
    version_before bigint,
    version_after  bigint,
    before         text,
    after          text
);
CREATE INDEX strangler_route_audit_by_route ON strangler_route_audit (route_id, seq);
