-- 0014: the cabinet's mailbox, on the desktop. Its account without the
-- password (in the OS keychain, or sealed under a key file: backend/
-- secretstore), and the e-mails recognised in it: activation codes filed
-- against a practitioner, ARS decisions against a request. message_key
-- (account, UIDVALIDITY, UID) files an e-mail once.
CREATE TABLE mailbox_account (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    host       TEXT    NOT NULL CHECK (host <> ''),
    port       INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
    username   TEXT    NOT NULL CHECK (username <> ''),
    folder     TEXT    NOT NULL DEFAULT 'INBOX',
    updated_at TEXT    NOT NULL
);

CREATE TABLE mailbox_findings (
    id          TEXT    PRIMARY KEY,
    message_key TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL CHECK (kind IN ('activation-code', 'decision')),
    by_headers  INTEGER NOT NULL CHECK (by_headers IN (0, 1)),
    subject     TEXT    NOT NULL,
    received_at TEXT    NOT NULL,
    found_at    TEXT    NOT NULL,
    rpps        TEXT    NOT NULL,
    code        TEXT,
    request_id  TEXT,
    decision    TEXT    NOT NULL DEFAULT '' CHECK (decision IN ('', 'accepted', 'refused', 'info_requested')),
    CHECK ((kind = 'activation-code' AND code IS NOT NULL AND request_id IS NULL)
        OR (kind = 'decision' AND request_id IS NOT NULL AND code IS NULL))
);
CREATE INDEX mailbox_findings_by_rpps ON mailbox_findings (rpps, found_at);
CREATE INDEX mailbox_findings_by_request ON mailbox_findings (request_id, found_at) WHERE request_id IS NOT NULL;
