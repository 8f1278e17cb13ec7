-- 0011: e-CPS. The server's secret (one row), a password hash per RPPS,
-- the phones enrolled (public keys), the single-use challenges of their
-- signed calls (SHA-256 of the nonce), and the transactions they answer
-- (a computer's login, one action's approval).
CREATE TABLE ecps_secret (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    secret BLOB NOT NULL
);

CREATE TABLE ecps_enrolments (
    rpps          TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE ecps_devices (
    id         TEXT PRIMARY KEY,
    rpps       TEXT NOT NULL,
    name       TEXT NOT NULL,
    public_key BLOB NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX ecps_devices_rpps ON ecps_devices (rpps);

CREATE TABLE ecps_nonces (
    nonce_hash BLOB PRIMARY KEY,
    device_id  TEXT NOT NULL REFERENCES ecps_devices (id),
    expires_at TEXT NOT NULL,
    used_at    TEXT
);

CREATE TABLE ecps_transactions (
    id              TEXT PRIMARY KEY,
    type            TEXT NOT NULL CHECK (type IN ('login', 'approval')),
    rpps            TEXT NOT NULL,
    label           TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused', 'cancelled')),
    message         TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    decided_at      TEXT,
    auth_request_id TEXT NOT NULL DEFAULT '',
    code            TEXT NOT NULL DEFAULT '',
    choices         TEXT NOT NULL DEFAULT '',
    completed_at    TEXT,
    request_id      TEXT NOT NULL DEFAULT '',
    revision        INTEGER NOT NULL DEFAULT 0,
    payload_hash    TEXT NOT NULL DEFAULT '',
    binding_code    TEXT NOT NULL DEFAULT '',
    requested_by    TEXT NOT NULL DEFAULT '',
    approval_id     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ecps_transactions_pending ON ecps_transactions (rpps, created_at) WHERE status = 'pending';
