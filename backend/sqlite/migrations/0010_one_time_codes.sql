-- 0010: one-time codes (e-CPS activation by e-mail or SMS). A code is kept
-- as its keyed hash only; one live code per purpose and subject (a new one
-- replaces the old). Sends are counted for the rate limits under keyed
-- hashes of the recipient and of the client address: no personal data in
-- clear.
CREATE TABLE one_time_codes (
    purpose    TEXT NOT NULL,
    subject    TEXT NOT NULL,
    id         TEXT NOT NULL UNIQUE,
    channel    TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    hash       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    tries      INTEGER NOT NULL DEFAULT 0 CHECK (tries >= 0),
    used_at    TEXT,
    PRIMARY KEY (purpose, subject)
);

CREATE TABLE one_time_code_sends (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient_key TEXT NOT NULL,
    client_key    TEXT NOT NULL,
    at            TEXT NOT NULL
);
CREATE INDEX one_time_code_sends_recipient ON one_time_code_sends (recipient_key, at);
CREATE INDEX one_time_code_sends_client ON one_time_code_sends (client_key, at);
CREATE INDEX one_time_code_sends_at ON one_time_code_sends (at);
