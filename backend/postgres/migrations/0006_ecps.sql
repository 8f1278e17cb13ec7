-- 0006: e-CPS. The server's secret (one row), a password hash per RPPS,
-- the phones enrolled (public keys), the single-use challenges of their
-- signed calls (SHA-256 of the nonce), and the transactions they answer
-- (a computer's login, one action's approval).
CREATE TABLE ecps_secret (
    id     integer PRIMARY KEY CHECK (id = 1),
    secret bytea NOT NULL
);

CREATE TABLE ecps_enrolments (
    rpps          text PRIMARY KEY,
    password_hash text NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE TABLE ecps_devices (
    id         text PRIMARY KEY,
    rpps       text NOT NULL,
    name       text NOT NULL,
    public_key bytea NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX ecps_devices_rpps ON ecps_devices (rpps);

CREATE TABLE ecps_nonces (
    nonce_hash bytea PRIMARY KEY,
    device_id  text NOT NULL REFERENCES ecps_devices (id),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

CREATE TABLE ecps_transactions (
    id              text PRIMARY KEY,
    type            text NOT NULL CHECK (type IN ('login', 'approval')),
    rpps            text NOT NULL,
    label           text NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'approved', 'refused', 'cancelled')),
    message         text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    decided_at      timestamptz,
    auth_request_id text NOT NULL DEFAULT '',
    code            text NOT NULL DEFAULT '',
    choices         text NOT NULL DEFAULT '',
    completed_at    timestamptz,
    request_id      text NOT NULL DEFAULT '',
    revision        bigint NOT NULL DEFAULT 0,
    payload_hash    text NOT NULL DEFAULT '',
    binding_code    text NOT NULL DEFAULT '',
    requested_by    text NOT NULL DEFAULT '',
    approval_id     text NOT NULL DEFAULT ''
);
CREATE INDEX ecps_transactions_pending ON ecps_transactions (rpps, created_at) WHERE status = 'pending';
