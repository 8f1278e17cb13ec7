-- 0004: the server's tables (erpps-server on its embedded SQLite file; a
-- desktop's file has them too, empty): accounts, sessions, decisions,
-- mandates, approvals, and the agent who took a request.

CREATE TABLE accounts (
    id            TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
    login         TEXT NOT NULL UNIQUE CHECK (login <> ''),
    role          TEXT NOT NULL CHECK (role <> ''),
    name          TEXT NOT NULL DEFAULT '',
    rpps          TEXT NOT NULL DEFAULT '',
    region        TEXT NOT NULL DEFAULT '',
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    -- argon2id, PHC string: never leaves the server.
    password_hash TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
) STRICT;

CREATE INDEX accounts_by_role ON accounts (role, login);

-- A session is found by the SHA-256 hash of its token; the token itself is
-- never stored.
CREATE TABLE sessions (
    id         TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
    token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) > 0),
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
) STRICT;

CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- The ARS's (and the system's) decisions, dated and attributed.
CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    action     TEXT NOT NULL CHECK (action IN ('take', 'accept', 'refuse', 'complement', 'close')),
    actor_role TEXT NOT NULL DEFAULT '',
    actor_id   TEXT NOT NULL DEFAULT '',
    actor_name TEXT NOT NULL DEFAULT '',
    principal  TEXT NOT NULL DEFAULT '',
    reason     TEXT NOT NULL DEFAULT '',
    deadline   TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL
) STRICT;

CREATE INDEX decisions_by_request ON decisions (request_id, id);

-- A practitioner's mandate to a named secretary; kinds is a JSON array.
CREATE TABLE mandates (
    id              TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
    rpps            TEXT NOT NULL CHECK (rpps <> ''),
    secretary_id    TEXT NOT NULL CHECK (secretary_id <> ''),
    secretary_name  TEXT NOT NULL DEFAULT '',
    kinds           TEXT NOT NULL CHECK (json_valid(kinds)),
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    revoked_at      TEXT,
    revoked_by_role TEXT NOT NULL DEFAULT '',
    revoked_by_id   TEXT NOT NULL DEFAULT '',
    revoked_by_name TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX mandates_by_rpps ON mandates (rpps, created_at);
CREATE INDEX mandates_by_secretary ON mandates (secretary_id, created_at);

-- A practitioner's approval of one exact version of a request.
CREATE TABLE approvals (
    id               TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
    request_id       TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    revision         INTEGER NOT NULL,
    payload_hash     TEXT NOT NULL,
    approved_by_role TEXT NOT NULL DEFAULT '',
    approved_by_id   TEXT NOT NULL DEFAULT '',
    approved_by_name TEXT NOT NULL DEFAULT '',
    approved_at      TEXT NOT NULL,
    expires_at       TEXT NOT NULL,
    used_at          TEXT
) STRICT;

CREATE INDEX approvals_by_request ON approvals (request_id);

-- The agent who took the request (« en instruction »).
ALTER TABLE requests ADD COLUMN assigned_role TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN assigned_id TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN assigned_name TEXT NOT NULL DEFAULT '';

-- The agent's queue: oldest transmission first, then counted by
-- département, status and kind.
CREATE INDEX requests_queue ON requests (transmitted_at, id) WHERE transmitted_at IS NOT NULL;
CREATE INDEX requests_queue_count ON requests (department, status, kind, transmitted_at) WHERE transmitted_at IS NOT NULL;

-- Complements whose deadline passed.
CREATE INDEX requests_by_deadline ON requests (status, deadline) WHERE deadline <> '';
