-- 0008: the server's side of the synchronisation with the desktops: the
-- clients and the results of their mutations (each applied exactly once, in
-- the client's order), and the change log, written by triggers so that no
-- write path escapes it (a mutation, the API, a decision, a job, seeding).
-- On a desktop's file (Replica mode) the log is switched off (sync_log).

-- A desktop's sync client, bound to the account that first used it; last_seq
-- is the last of its mutations handled.
CREATE TABLE sync_clients (
    client_id  TEXT NOT NULL PRIMARY KEY CHECK (client_id <> ''),
    account_id TEXT NOT NULL CHECK (account_id <> ''),
    last_seq   INTEGER NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    created_at TEXT NOT NULL
) STRICT;

-- The result of each mutation handled (erpps.MutationResult as JSON): a
-- replay answers it unchanged.
CREATE TABLE sync_mutations (
    client_id   TEXT NOT NULL REFERENCES sync_clients (client_id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    mutation_id TEXT NOT NULL,
    request_id  TEXT NOT NULL DEFAULT '',
    outcome     TEXT NOT NULL CHECK (outcome IN ('applied', 'conflict', 'rejected')),
    result      TEXT NOT NULL CHECK (json_valid(result)),
    at          TEXT NOT NULL,
    PRIMARY KEY (client_id, seq)
) STRICT, WITHOUT ROWID;

-- The change log: one line per change of a request or of a practitioner's
-- record, numbered in commit order (writes are serialised). version is the
-- request's revision (0 for a record); client_id is the client whose
-- mutation made the change (NULL: anything else).
CREATE TABLE sync_changes (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    kind      TEXT NOT NULL CHECK (kind IN ('request', 'practitioner')),
    object_id TEXT NOT NULL,
    rpps      TEXT NOT NULL,
    version   INTEGER NOT NULL DEFAULT 0,
    client_id TEXT,
    at        TEXT NOT NULL,
    deleted   INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;

CREATE INDEX sync_changes_by_object ON sync_changes (kind, object_id, seq);
CREATE INDEX sync_changes_by_rpps ON sync_changes (rpps, seq);
CREATE INDEX sync_changes_by_at ON sync_changes (at);

-- enabled: whether the triggers log (off on a desktop); horizon: the newest
-- change pruned (a cursor below it must resync from a snapshot).
CREATE TABLE sync_log (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    horizon INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO sync_log (id) VALUES (1);

-- What exists already is the log's first state.
INSERT INTO sync_changes (kind, object_id, rpps, version, at)
SELECT 'practitioner', rpps, rpps, 0, updated_at FROM practitioners ORDER BY rpps;
INSERT INTO sync_changes (kind, object_id, rpps, version, at)
SELECT 'request', id, rpps, revision, updated_at FROM requests ORDER BY created_at, id;

-- The triggers stamp the change with the clock (RFC 3339, nine digits).
CREATE TRIGGER sync_changes_request_insert AFTER INSERT ON requests
WHEN (SELECT enabled FROM sync_log WHERE id = 1)
BEGIN
    INSERT INTO sync_changes (kind, object_id, rpps, version, at)
    VALUES ('request', new.id, new.rpps, new.revision, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000000Z');
END;

CREATE TRIGGER sync_changes_request_update AFTER UPDATE ON requests
WHEN (SELECT enabled FROM sync_log WHERE id = 1)
BEGIN
    INSERT INTO sync_changes (kind, object_id, rpps, version, at)
    VALUES ('request', new.id, new.rpps, new.revision, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000000Z');
END;

CREATE TRIGGER sync_changes_request_delete AFTER DELETE ON requests
WHEN (SELECT enabled FROM sync_log WHERE id = 1)
BEGIN
    INSERT INTO sync_changes (kind, object_id, rpps, version, at, deleted)
    VALUES ('request', old.id, old.rpps, old.revision, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000000Z', 1);
END;

CREATE TRIGGER sync_changes_practitioner_insert AFTER INSERT ON practitioners
WHEN (SELECT enabled FROM sync_log WHERE id = 1)
BEGIN
    INSERT INTO sync_changes (kind, object_id, rpps, at)
    VALUES ('practitioner', new.rpps, new.rpps, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000000Z');
END;

CREATE TRIGGER sync_changes_practitioner_update AFTER UPDATE ON practitioners
WHEN (SELECT enabled FROM sync_log WHERE id = 1)
BEGIN
    INSERT INTO sync_changes (kind, object_id, rpps, at)
    VALUES ('practitioner', new.rpps, new.rpps, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000000Z');
END;

CREATE TRIGGER sync_changes_profession_insert AFTER INSERT ON professions
WHEN (SELECT enabled FROM sync_log WHERE id = 1)
BEGIN
    INSERT INTO sync_changes (kind, object_id, rpps, at)
    VALUES ('practitioner', new.rpps, new.rpps, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000000Z');
END;

CREATE TRIGGER sync_changes_profession_update AFTER UPDATE ON professions
WHEN (SELECT enabled FROM sync_log WHERE id = 1)
BEGIN
    INSERT INTO sync_changes (kind, object_id, rpps, at)
    VALUES ('practitioner', new.rpps, new.rpps, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000000Z');
END;

CREATE TRIGGER sync_changes_profession_delete AFTER DELETE ON professions
WHEN (SELECT enabled FROM sync_log WHERE id = 1)
BEGIN
    INSERT INTO sync_changes (kind, object_id, rpps, at)
    VALUES ('practitioner', old.rpps, old.rpps, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000000Z');
END;

CREATE TRIGGER sync_changes_activity_insert AFTER INSERT ON activities
WHEN (SELECT enabled FROM sync_log WHERE id = 1)
BEGIN
    INSERT INTO sync_changes (kind, object_id, rpps, at)
    VALUES ('practitioner', new.rpps, new.rpps, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000000Z');
END;

CREATE TRIGGER sync_changes_activity_update AFTER UPDATE ON activities
WHEN (SELECT enabled FROM sync_log WHERE id = 1)
BEGIN
    INSERT INTO sync_changes (kind, object_id, rpps, at)
    VALUES ('practitioner', new.rpps, new.rpps, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000000Z');
END;

CREATE TRIGGER sync_changes_activity_delete AFTER DELETE ON activities
WHEN (SELECT enabled FROM sync_log WHERE id = 1)
BEGIN
    INSERT INTO sync_changes (kind, object_id, rpps, at)
    VALUES ('practitioner', old.rpps, old.rpps, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000000Z');
END;
