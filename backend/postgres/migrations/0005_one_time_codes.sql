-- 0005: one-time codes (e-CPS activation by e-mail or SMS). A code is kept
-- as its keyed hash only; one live code per purpose and subject (a new one
-- replaces the old). Sends are counted for the rate limits under keyed
-- hashes of the recipient and of the client address: no personal data in
-- clear. Issuing takes the sends table's lock: counts and inserts of two
-- issues never interleave.
CREATE TABLE one_time_codes (
    purpose    text NOT NULL,
    subject    text NOT NULL,
    id         text NOT NULL UNIQUE,
    channel    text NOT NULL CHECK (channel IN ('email', 'sms')),
    hash       text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    tries      integer NOT NULL DEFAULT 0 CHECK (tries >= 0),
    used_at    timestamptz,
    PRIMARY KEY (purpose, subject)
);

CREATE TABLE one_time_code_sends (
    seq           bigserial PRIMARY KEY,
    recipient_key text NOT NULL,
    client_key    text NOT NULL,
    at            timestamptz NOT NULL
);
CREATE INDEX one_time_code_sends_recipient ON one_time_code_sends (recipient_key, at);
CREATE INDEX one_time_code_sends_client ON one_time_code_sends (client_key, at);
CREATE INDEX one_time_code_sends_at ON one_time_code_sends (at);
