-- 0013: FranceConnect sessions, the
-- primo-registrations the ARS examines, and the sequence of the RPPS numbers
-- the server assigns.

-- A FranceConnect session opens the primo-registration form only; found by
-- the SHA-256 of its token, never stored itself.
CREATE TABLE franceconnect_sessions (
    token_hash BLOB NOT NULL PRIMARY KEY CHECK (length(token_hash) > 0),
    identity   TEXT NOT NULL, -- erpps.Identity, JSON
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
) STRICT;

CREATE INDEX franceconnect_sessions_by_expiry ON franceconnect_sessions (expires_at);

CREATE TABLE registrations (
    id              TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
    subject         TEXT NOT NULL CHECK (subject <> ''),
    status          TEXT NOT NULL CHECK (status IN ('submitted', 'accepted', 'refused', 'withdrawn')),
    identity        TEXT NOT NULL, -- erpps.Identity, JSON
    profession_code TEXT NOT NULL CHECK (profession_code <> ''),
    diploma         TEXT NOT NULL, -- erpps.Diploma, JSON
    department      TEXT NOT NULL CHECK (department <> ''),
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    submitted_at    TEXT NOT NULL,
    decided_at      TEXT NOT NULL DEFAULT '',
    decider_role    TEXT NOT NULL DEFAULT '',
    decider_id      TEXT NOT NULL DEFAULT '',
    decider_name    TEXT NOT NULL DEFAULT '',
    motif           TEXT NOT NULL DEFAULT '',
    rpps            TEXT NOT NULL DEFAULT ''
) STRICT;

-- One registration in progress or accepted per person.
CREATE UNIQUE INDEX registrations_one_open ON registrations (subject)
    WHERE status IN ('submitted', 'accepted');
CREATE INDEX registrations_by_department ON registrations (department, status, submitted_at);
CREATE INDEX registrations_by_subject ON registrations (subject, submitted_at);

-- The RPPS sequence: only ever increases. Every number drawn is recorded in
-- rpps_assigned, which nothing deletes: a number is never drawn twice.
CREATE TABLE rpps_sequence (
    id   INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last INTEGER NOT NULL CHECK (last >= 0)
) STRICT;

INSERT INTO rpps_sequence (id, last) VALUES (1, 0);

CREATE TABLE rpps_assigned (
    rpps            TEXT NOT NULL PRIMARY KEY,
    seq             INTEGER NOT NULL UNIQUE,
    registration_id TEXT NOT NULL,
    assigned_at     TEXT NOT NULL
) STRICT;

CREATE TRIGGER rpps_assigned_keep BEFORE DELETE ON rpps_assigned
BEGIN
    SELECT RAISE(ABORT, 'an assigned RPPS number is kept for ever');
END;
