-- 0007: the OpenID provider's state: authorization requests, codes, access
-- and refresh tokens. Codes and refresh tokens are kept under the SHA-256 of
-- their value (id); data is the provider's JSON. A revoked grant is deleted.
CREATE TABLE oidc_records (
    kind       text NOT NULL,
    id         text NOT NULL,
    grant_id   text NOT NULL DEFAULT '',
    subject    text NOT NULL DEFAULT '',
    data       bytea NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX oidc_records_grant ON oidc_records (grant_id) WHERE grant_id <> '';
CREATE INDEX oidc_records_subject ON oidc_records (subject) WHERE subject <> '';
CREATE INDEX oidc_records_expiry ON oidc_records (expires_at);
