-- 0001: the first schema of the local store.
-- Migrations are append-only: never edit this file once released; add 0002_....sql.
-- Times are RFC 3339 UTC text with nine fractional digits, so that they sort as text.
-- Dates (birth, start, end, since) are YYYY-MM-DD text; '' means unknown or none.

CREATE TABLE practitioners (
    rpps                TEXT NOT NULL PRIMARY KEY CHECK (rpps <> ''),
    civility            TEXT NOT NULL DEFAULT '',
    exercise_civility   TEXT NOT NULL DEFAULT '',
    birth_name          TEXT NOT NULL DEFAULT '',
    exercise_name       TEXT NOT NULL DEFAULT '',
    first_name          TEXT NOT NULL DEFAULT '',
    exercise_first_name TEXT NOT NULL DEFAULT '',
    birth_date          TEXT NOT NULL DEFAULT '',
    email               TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    address             TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(address)),
    -- search_text: every name, lower case, without accents or punctuation.
    search_text         TEXT NOT NULL DEFAULT '',
    -- sort_key: the display name then the first name, normalised like search_text.
    sort_key            TEXT NOT NULL DEFAULT '',
    updated_at          TEXT NOT NULL
) STRICT;

CREATE INDEX practitioners_by_sort_key ON practitioners (sort_key, rpps);

CREATE TABLE professions (
    rpps              TEXT NOT NULL REFERENCES practitioners (rpps) ON DELETE CASCADE,
    code              TEXT NOT NULL CHECK (code <> ''),
    position          INTEGER NOT NULL,
    category_code     TEXT NOT NULL DEFAULT '',
    exercise_civility TEXT NOT NULL DEFAULT '',
    skill_type_code   TEXT NOT NULL DEFAULT '',
    skill_code        TEXT NOT NULL DEFAULT '',
    since             TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (rpps, code)
) STRICT, WITHOUT ROWID;

CREATE TABLE activities (
    id              TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
    rpps            TEXT NOT NULL REFERENCES practitioners (rpps) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    profession_code TEXT NOT NULL DEFAULT '',
    siret           TEXT NOT NULL DEFAULT '',
    siren           TEXT NOT NULL DEFAULT '',
    finess          TEXT NOT NULL DEFAULT '',
    finess_ej       TEXT NOT NULL DEFAULT '',
    technical_id    TEXT NOT NULL DEFAULT '',
    company_name    TEXT NOT NULL DEFAULT '',
    trade_name      TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(address)),
    phone           TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    department      TEXT NOT NULL DEFAULT '',
    mode_code       TEXT NOT NULL DEFAULT '',
    sector_code     TEXT NOT NULL DEFAULT '',
    function_code   TEXT NOT NULL DEFAULT '',
    genre_code      TEXT NOT NULL DEFAULT '',
    start_date      TEXT NOT NULL DEFAULT '',
    end_date        TEXT NOT NULL DEFAULT '',
    end_reason_code TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX activities_by_rpps ON activities (rpps, position);
CREATE INDEX activities_by_siret ON activities (siret) WHERE siret <> '';
CREATE INDEX activities_by_finess ON activities (finess) WHERE finess <> '';

-- Requests refer to practitioners, which are upserted and never deleted, so
-- the key has no cascade: a practitioner with requests cannot vanish.
CREATE TABLE requests (
    id                TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
    rpps              TEXT NOT NULL REFERENCES practitioners (rpps),
    kind              TEXT NOT NULL CHECK (kind <> ''),
    status            TEXT NOT NULL CHECK (status <> ''),
    target_id         TEXT NOT NULL DEFAULT '',
    linked_request_id TEXT NOT NULL DEFAULT '',
    department        TEXT NOT NULL DEFAULT '',
    payload           TEXT NOT NULL CHECK (json_valid(payload)),
    revision          INTEGER NOT NULL CHECK (revision >= 1),
    deadline          TEXT NOT NULL DEFAULT '',
    reason            TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    transmitted_at    TEXT
) STRICT;

CREATE INDEX requests_by_rpps ON requests (rpps, status);
CREATE INDEX requests_by_rpps_created ON requests (rpps, created_at);
CREATE INDEX requests_by_status_created ON requests (status, created_at);
CREATE INDEX requests_by_created ON requests (created_at);
CREATE INDEX requests_by_target ON requests (target_id) WHERE target_id <> '';

CREATE TABLE request_events (
    id          INTEGER PRIMARY KEY,
    request_id  TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    from_status TEXT NOT NULL DEFAULT '',
    to_status   TEXT NOT NULL,
    at          TEXT NOT NULL,
    actor_role  TEXT NOT NULL DEFAULT '',
    actor_id    TEXT NOT NULL DEFAULT '',
    actor_name  TEXT NOT NULL DEFAULT '',
    comment     TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX request_events_by_request ON request_events (request_id, id);

-- Transmitted requests waiting for the sync to deliver them, one line per
-- transmitted revision.
CREATE TABLE outbox (
    request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    revision   INTEGER NOT NULL,
    queued_at  TEXT NOT NULL,
    PRIMARY KEY (request_id, revision)
) STRICT, WITHOUT ROWID;

CREATE INDEX outbox_by_queued ON outbox (queued_at);

CREATE TABLE settings (
    key   TEXT NOT NULL PRIMARY KEY CHECK (key <> ''),
    value BLOB NOT NULL
) STRICT, WITHOUT ROWID;

-- The last attestation number given, per year.
CREATE TABLE attestation_counters (
    year INTEGER NOT NULL PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT;

CREATE TABLE attestations (
    number       TEXT NOT NULL PRIMARY KEY CHECK (number <> ''),
    rpps         TEXT NOT NULL,
    issued_at    TEXT NOT NULL,
    payload_hash TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX attestations_by_rpps ON attestations (rpps, issued_at);
