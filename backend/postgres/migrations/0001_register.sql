-- 0001: the server's register on PostgreSQL.
-- Migrations are append-only: never edit this file once released; add 0002_....sql.
-- Times are timestamptz (UTC, microseconds). Dates (birth, start, end, since,
-- deadline) are YYYY-MM-DD text; '' means unknown or none. Payloads are json
-- (kept byte for byte: an approval binds the hash of the bytes as stored).

CREATE TABLE practitioners (
    rpps                text PRIMARY KEY CHECK (rpps <> ''),
    civility            text NOT NULL DEFAULT '',
    exercise_civility   text NOT NULL DEFAULT '',
    birth_name          text NOT NULL DEFAULT '',
    exercise_name       text NOT NULL DEFAULT '',
    first_name          text NOT NULL DEFAULT '',
    exercise_first_name text NOT NULL DEFAULT '',
    birth_date          text NOT NULL DEFAULT '',
    email               text NOT NULL DEFAULT '',
    phone               text NOT NULL DEFAULT '',
    address             json NOT NULL DEFAULT '{}',
    -- search_text: every name, lower case, without accents or punctuation.
    search_text         text NOT NULL DEFAULT '',
    -- sort_key: the display name then the first name, normalised like search_text.
    sort_key            text NOT NULL DEFAULT '',
    updated_at          timestamptz NOT NULL
);

CREATE INDEX practitioners_by_sort_key ON practitioners (sort_key, rpps);

CREATE TABLE professions (
    rpps              text NOT NULL REFERENCES practitioners (rpps) ON DELETE CASCADE,
    code              text NOT NULL CHECK (code <> ''),
    position          integer NOT NULL,
    category_code     text NOT NULL DEFAULT '',
    exercise_civility text NOT NULL DEFAULT '',
    skill_type_code   text NOT NULL DEFAULT '',
    skill_code        text NOT NULL DEFAULT '',
    since             text NOT NULL DEFAULT '',
    PRIMARY KEY (rpps, code)
);

CREATE TABLE activities (
    id              text PRIMARY KEY CHECK (id <> ''),
    rpps            text NOT NULL REFERENCES practitioners (rpps) ON DELETE CASCADE,
    position        integer NOT NULL,
    profession_code text NOT NULL DEFAULT '',
    siret           text NOT NULL DEFAULT '',
    siren           text NOT NULL DEFAULT '',
    finess          text NOT NULL DEFAULT '',
    finess_ej       text NOT NULL DEFAULT '',
    technical_id    text NOT NULL DEFAULT '',
    company_name    text NOT NULL DEFAULT '',
    trade_name      text NOT NULL DEFAULT '',
    address         json NOT NULL DEFAULT '{}',
    phone           text NOT NULL DEFAULT '',
    email           text NOT NULL DEFAULT '',
    department      text NOT NULL DEFAULT '',
    mode_code       text NOT NULL DEFAULT '',
    sector_code     text NOT NULL DEFAULT '',
    function_code   text NOT NULL DEFAULT '',
    genre_code      text NOT NULL DEFAULT '',
    start_date      text NOT NULL DEFAULT '',
    end_date        text NOT NULL DEFAULT '',
    end_reason_code text NOT NULL DEFAULT ''
);

CREATE INDEX activities_by_rpps ON activities (rpps, position);
CREATE INDEX activities_by_siret ON activities (siret) WHERE siret <> '';
CREATE INDEX activities_by_finess ON activities (finess) WHERE finess <> '';

-- Requests refer to practitioners, which are upserted and never deleted.
-- seq orders requests created in the same microsecond.
CREATE TABLE requests (
    id                text PRIMARY KEY CHECK (id <> ''),
    seq               bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    rpps              text NOT NULL REFERENCES practitioners (rpps),
    kind              text NOT NULL CHECK (kind <> ''),
    status            text NOT NULL CHECK (status <> ''),
    target_id         text NOT NULL DEFAULT '',
    linked_request_id text NOT NULL DEFAULT '',
    department        text NOT NULL DEFAULT '',
    payload           json NOT NULL,
    revision          bigint NOT NULL CHECK (revision >= 1),
    deadline          text NOT NULL DEFAULT '',
    reason            text NOT NULL DEFAULT '',
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    transmitted_at    timestamptz,
    updated_by_role   text NOT NULL DEFAULT '',
    updated_by_id     text NOT NULL DEFAULT '',
    updated_by_name   text NOT NULL DEFAULT '',
    -- The agent who took the request (« en instruction »); '' when none.
    assigned_role     text NOT NULL DEFAULT '',
    assigned_id       text NOT NULL DEFAULT '',
    assigned_name     text NOT NULL DEFAULT ''
);

CREATE INDEX requests_by_rpps ON requests (rpps, status);
CREATE INDEX requests_by_rpps_created ON requests (rpps, created_at);
CREATE INDEX requests_by_created ON requests (created_at, seq);
CREATE INDEX requests_by_target ON requests (target_id) WHERE target_id <> '';
CREATE INDEX requests_by_link ON requests (linked_request_id) WHERE linked_request_id <> '';
-- At most one draft of a kind on the same object for a practitioner.
CREATE UNIQUE INDEX requests_one_draft_per_object ON requests (rpps, kind, target_id) WHERE status = 'draft';
-- The agents' queue: a region's départements, open statuses, oldest transmission first.
CREATE INDEX requests_queue ON requests (department, status, transmitted_at, id) WHERE transmitted_at IS NOT NULL;
CREATE INDEX requests_by_transmitted ON requests (transmitted_at, id) WHERE transmitted_at IS NOT NULL;
CREATE INDEX requests_expired_complements ON requests (deadline, id) WHERE status = 'complement_requested';

CREATE TABLE request_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id  text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    from_status text NOT NULL DEFAULT '',
    to_status   text NOT NULL,
    at          timestamptz NOT NULL,
    actor_role  text NOT NULL DEFAULT '',
    actor_id    text NOT NULL DEFAULT '',
    actor_name  text NOT NULL DEFAULT '',
    principal   text NOT NULL DEFAULT '',
    comment     text NOT NULL DEFAULT ''
);

CREATE INDEX request_events_by_request ON request_events (request_id, id);

-- Actions (transmit, withdraw) committed and not yet delivered, in commit order.
CREATE TABLE outbox (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action     text NOT NULL CHECK (action IN ('transmit', 'withdraw')),
    request_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    revision   bigint NOT NULL,
    actor_role text NOT NULL DEFAULT '',
    actor_id   text NOT NULL DEFAULT '',
    actor_name text NOT NULL DEFAULT '',
    principal  text NOT NULL DEFAULT '',
    queued_at  timestamptz NOT NULL,
    UNIQUE (request_id, action, revision)
);

-- Decisions of the ARS (and of the system), dated and attributed.
CREATE TABLE decisions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    action     text NOT NULL CHECK (action <> ''),
    actor_role text NOT NULL DEFAULT '',
    actor_id   text NOT NULL DEFAULT '',
    actor_name text NOT NULL DEFAULT '',
    principal  text NOT NULL DEFAULT '',
    reason     text NOT NULL DEFAULT '',
    deadline   text NOT NULL DEFAULT '',
    at         timestamptz NOT NULL
);

CREATE INDEX decisions_by_request ON decisions (request_id, id);

-- The last attestation number given, per year.
CREATE TABLE attestation_counters (
    year integer PRIMARY KEY,
    last bigint NOT NULL
);

CREATE TABLE attestations (
    number       text PRIMARY KEY CHECK (number <> ''),
    rpps         text NOT NULL,
    issued_at    timestamptz NOT NULL,
    payload_hash text NOT NULL
);

CREATE INDEX attestations_by_rpps ON attestations (rpps, issued_at);

-- People who sign in; the password hash (argon2id, PHC string) never leaves the server.
CREATE TABLE accounts (
    id            text PRIMARY KEY CHECK (id <> ''),
    login         text NOT NULL UNIQUE CHECK (login <> ''),
    role          text NOT NULL CHECK (role <> ''),
    name          text NOT NULL DEFAULT '',
    rpps          text NOT NULL DEFAULT '',
    region        text NOT NULL DEFAULT '',
    disabled      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    password_hash text NOT NULL DEFAULT ''
);

CREATE INDEX accounts_by_role ON accounts (role, login);

-- Sessions, by the SHA-256 of their token (the token itself is never stored).
CREATE TABLE sessions (
    id         text PRIMARY KEY CHECK (id <> ''),
    token_hash bytea NOT NULL UNIQUE,
    account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Mandates from a practitioner to a named secretary.
CREATE TABLE mandates (
    id              text PRIMARY KEY CHECK (id <> ''),
    rpps            text NOT NULL CHECK (rpps <> ''),
    secretary_id    text NOT NULL CHECK (secretary_id <> ''),
    secretary_name  text NOT NULL DEFAULT '',
    kinds           text[] NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    revoked_by_role text NOT NULL DEFAULT '',
    revoked_by_id   text NOT NULL DEFAULT '',
    revoked_by_name text NOT NULL DEFAULT ''
);

CREATE INDEX mandates_by_rpps ON mandates (rpps, created_at);
CREATE INDEX mandates_by_secretary ON mandates (secretary_id, created_at);

-- A practitioner's approval of one exact version of a request, single use.
CREATE TABLE approvals (
    id               text PRIMARY KEY CHECK (id <> ''),
    request_id       text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    revision         bigint NOT NULL,
    payload_hash     text NOT NULL,
    approved_by_role text NOT NULL DEFAULT '',
    approved_by_id   text NOT NULL DEFAULT '',
    approved_by_name text NOT NULL DEFAULT '',
    approved_at      timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    used_at          timestamptz
);

CREATE INDEX approvals_by_request ON approvals (request_id);
