-- 0012: the OpenID provider's state: authorization requests, codes, access
-- and refresh tokens. Codes and refresh tokens are kept under the SHA-256 of
-- their value (id); data is the provider's JSON. A revoked grant is deleted.
CREATE TABLE oidc_records (
    kind       TEXT NOT NULL,
    id         TEXT NOT NULL,
    grant_id   TEXT NOT NULL DEFAULT '',
    subject    TEXT NOT NULL DEFAULT '',
    data       BLOB NOT NULL,
    expires_at TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE INDEX oidc_records_grant ON oidc_records (grant_id) WHERE grant_id <> '';
CREATE INDEX oidc_records_subject ON oidc_records (subject) WHERE subject <> '';
CREATE INDEX oidc_records_expiry ON oidc_records (expires_at);
