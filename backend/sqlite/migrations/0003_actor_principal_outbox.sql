-- 0003: every write records who acted (the actor) and on whose record (the
-- principal, an RPPS number), separately; the outbox queues actions
-- (transmit, withdraw) with their actor and principal, in commit order.

ALTER TABLE request_events ADD COLUMN principal TEXT NOT NULL DEFAULT '';
UPDATE request_events SET principal = (SELECT rpps FROM requests WHERE requests.id = request_events.request_id);

-- The last writer of a request (a save adds no history step).
ALTER TABLE requests ADD COLUMN updated_by_role TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN updated_by_id TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN updated_by_name TEXT NOT NULL DEFAULT '';

CREATE TABLE outbox_entries (
    id         INTEGER PRIMARY KEY,
    action     TEXT NOT NULL CHECK (action IN ('transmit', 'withdraw')),
    request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    revision   INTEGER NOT NULL,
    actor_role TEXT NOT NULL DEFAULT '',
    actor_id   TEXT NOT NULL DEFAULT '',
    actor_name TEXT NOT NULL DEFAULT '',
    principal  TEXT NOT NULL DEFAULT '',
    queued_at  TEXT NOT NULL,
    UNIQUE (request_id, action, revision)
) STRICT;

INSERT INTO outbox_entries (action, request_id, revision, actor_role, actor_id, actor_name, principal, queued_at)
SELECT 'transmit', o.request_id, o.revision,
       coalesce(e.actor_role, ''), coalesce(e.actor_id, ''), coalesce(e.actor_name, ''), r.rpps, o.queued_at
FROM outbox o
JOIN requests r ON r.id = o.request_id
LEFT JOIN request_events e ON e.id = (
    SELECT max(id) FROM request_events
    WHERE request_id = o.request_id AND to_status = 'transmitted')
ORDER BY o.queued_at, o.request_id, o.revision;

DROP TABLE outbox;
ALTER TABLE outbox_entries RENAME TO outbox;

-- A moved cabinet's cessation is found from its new activity.
CREATE INDEX requests_by_link ON requests (linked_request_id) WHERE linked_request_id <> '';
