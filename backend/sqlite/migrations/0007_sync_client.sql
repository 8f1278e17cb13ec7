-- 0007: the desktop's side of the sync (the store's Replica mode). Every
-- local change appends a mutation to replica_mutations in the same
-- transaction; the sync client sends them in seq order and applies the
-- server's answers. The old outbox's actions become mutations.

-- The server's version of each request (its revision on the server; 0: never
-- there) and its state at that version: the payload, base of a three-way
-- comparison, and the whole request as the server last told it (JSON; NULL
-- with server_seq > 0: deleted there). server_seq is the server's change
-- sequence of that state: a state told with a lower one is older (a decision
-- keeps the revision, so only the change sequence orders the states).
ALTER TABLE requests ADD COLUMN server_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN server_payload TEXT;
ALTER TABLE requests ADD COLUMN server_state TEXT;
ALTER TABLE requests ADD COLUMN server_seq INTEGER NOT NULL DEFAULT 0;

-- The mutations for the server, numbered 1, 2, 3... without gap in the
-- client's order (seq). queued: not sent yet (autosaves coalesce into it);
-- sent: frozen; conflict, rejected: set aside with the server's answer
-- (result, an erpps.MutationResult) until the user settles them. Rows are
-- deleted when the server applied them. request_id has no foreign key: a
-- deleted draft's delete_draft outlives its request.
CREATE TABLE replica_mutations (
    seq          INTEGER NOT NULL PRIMARY KEY CHECK (seq >= 1),
    id           TEXT NOT NULL UNIQUE CHECK (id <> ''),
    kind         TEXT NOT NULL CHECK (kind IN ('save_draft', 'delete_draft', 'transmit', 'withdraw')),
    request_id   TEXT NOT NULL CHECK (request_id <> ''),
    base_version INTEGER NOT NULL DEFAULT 0,
    actor_role   TEXT NOT NULL DEFAULT '',
    actor_id     TEXT NOT NULL DEFAULT '',
    actor_name   TEXT NOT NULL DEFAULT '',
    principal    TEXT NOT NULL DEFAULT '',
    request_kind TEXT NOT NULL DEFAULT '',
    target_id    TEXT NOT NULL DEFAULT '',
    payload      TEXT CHECK (payload IS NULL OR json_valid(payload)),
    comment      TEXT NOT NULL DEFAULT '',
    approval_id  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'conflict', 'rejected')),
    result       TEXT CHECK (result IS NULL OR json_valid(result)),
    base_payload TEXT CHECK (base_payload IS NULL OR json_valid(base_payload))
) STRICT;

CREATE INDEX replica_mutations_by_request ON replica_mutations (request_id, seq);
CREATE INDEX replica_mutations_by_status ON replica_mutations (status, seq);

-- The server's state of requests a pull could not write yet (a draft of an
-- object that a local draft with mutations drafts too: one draft per
-- object), tried again after every pull until the way is clear.
CREATE TABLE replica_deferred (
    id    TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
    state TEXT NOT NULL CHECK (json_valid(state)),
    seq   INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

-- The server's state (NULL: deleted there) at change sequence seq of
-- requests deleted here whose mutations are still kept: what taking the
-- server's version of them (ResolveConflict) brings back.
CREATE TABLE replica_absent (
    id    TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
    state TEXT CHECK (state IS NULL OR json_valid(state)),
    seq   INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

-- One row: the client id (drawn once per store), the last seq given, the
-- pull cursor and the last successful sync.
CREATE TABLE replica_state (
    id           INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    client_id    TEXT NOT NULL CHECK (client_id <> ''),
    last_seq     INTEGER NOT NULL DEFAULT 0,
    cursor       INTEGER NOT NULL DEFAULT 0,
    last_sync_at TEXT
) STRICT;

INSERT INTO replica_state (id, client_id)
VALUES (1, lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))));

-- The old outbox's actions, in the order they were committed, become
-- mutations; the server never saw these requests, so each one's first
-- action is preceded by a save_draft creating it with its payload. A
-- server's file (it has accounts; a desktop's has none) queued its own
-- transmissions there for nobody: they are dropped.
CREATE TEMP TABLE outbox_moved AS
SELECT row_number() OVER (ORDER BY o.id, m.step) AS seq, m.step, o.id AS entry,
       CASE m.step WHEN 0 THEN 'save_draft' ELSE o.action END AS kind,
       o.request_id, o.actor_role, o.actor_id, o.actor_name, o.principal, o.queued_at,
       r.kind AS request_kind, r.target_id, r.payload
FROM outbox o
JOIN requests r ON r.id = o.request_id
JOIN (SELECT 0 AS step UNION ALL SELECT 1) m
  ON m.step = 1 OR o.id = (SELECT min(id) FROM outbox f WHERE f.request_id = o.request_id)
WHERE NOT EXISTS (SELECT 1 FROM accounts);

INSERT INTO replica_mutations (seq, id, kind, request_id, base_version, actor_role, actor_id, actor_name,
    principal, request_kind, target_id, payload, created_at, status)
SELECT seq,
       lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
             substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       kind, request_id, 0, actor_role, actor_id, actor_name, principal,
       CASE kind WHEN 'save_draft' THEN request_kind ELSE '' END,
       CASE kind WHEN 'save_draft' THEN target_id ELSE '' END,
       CASE kind WHEN 'save_draft' THEN payload END,
       queued_at, 'queued'
FROM outbox_moved ORDER BY seq;

UPDATE replica_state SET last_seq = (SELECT count(*) FROM outbox_moved);

DROP TABLE outbox_moved;
DROP TABLE outbox;
