-- 0008: FranceConnect sessions, the
-- primo-registrations the ARS examines, and the sequence of the RPPS numbers
-- the server assigns.

-- A FranceConnect session opens the primo-registration form only; found by
-- the SHA-256 of its token, never stored itself.
CREATE TABLE franceconnect_sessions (
    token_hash bytea PRIMARY KEY CHECK (length(token_hash) > 0),
    identity   jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE INDEX franceconnect_sessions_by_expiry ON franceconnect_sessions (expires_at);

CREATE TABLE registrations (
    id              text PRIMARY KEY CHECK (id <> ''),
    subject         text NOT NULL CHECK (subject <> ''),
    status          text NOT NULL CHECK (status IN ('submitted', 'accepted', 'refused', 'withdrawn')),
    identity        jsonb NOT NULL,
    profession_code text NOT NULL CHECK (profession_code <> ''),
    diploma         jsonb NOT NULL,
    department      text NOT NULL CHECK (department <> ''),
    email           text NOT NULL DEFAULT '',
    phone           text NOT NULL DEFAULT '',
    submitted_at    timestamptz NOT NULL,
    decided_at      timestamptz,
    decider_role    text NOT NULL DEFAULT '',
    decider_id      text NOT NULL DEFAULT '',
    decider_name    text NOT NULL DEFAULT '',
    motif           text NOT NULL DEFAULT '',
    rpps            text NOT NULL DEFAULT ''
);

-- One registration in progress or accepted per person.
CREATE UNIQUE INDEX registrations_one_open ON registrations (subject)
    WHERE status IN ('submitted', 'accepted');
CREATE INDEX registrations_by_department ON registrations (department, status, submitted_at);
CREATE INDEX registrations_by_subject ON registrations (subject, submitted_at);

-- The RPPS sequence: only ever increases (a row, not a SEQUENCE: it moves
-- with the transaction that creates the record). Every number drawn is
-- recorded in rpps_assigned, which nothing deletes.
CREATE TABLE rpps_sequence (
    id   integer PRIMARY KEY CHECK (id = 1),
    last bigint NOT NULL CHECK (last >= 0)
);

INSERT INTO rpps_sequence (id, last) VALUES (1, 0);

CREATE TABLE rpps_assigned (
    rpps            text PRIMARY KEY,
    seq             bigint NOT NULL UNIQUE,
    registration_id text NOT NULL,
    assigned_at     timestamptz NOT NULL
);

CREATE FUNCTION rpps_assigned_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an assigned RPPS number is kept for ever';
END
$$;

CREATE TRIGGER rpps_assigned_keep BEFORE DELETE OR UPDATE ON rpps_assigned
FOR EACH ROW EXECUTE FUNCTION rpps_assigned_keep();
