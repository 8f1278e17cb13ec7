-- 0003: the server's side of the synchronisation with the desktops: the
-- clients and the results of their mutations (each applied exactly once, in
-- the client's order), and the change log, written by triggers so that no
-- write path escapes it (a mutation, the API, a decision, a job, seeding).

-- A desktop's sync client, bound to the account that first used it; last_seq
-- is the last of its mutations handled.
CREATE TABLE sync_clients (
    client_id  text PRIMARY KEY CHECK (client_id <> ''),
    account_id text NOT NULL CHECK (account_id <> ''),
    last_seq   bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    created_at timestamptz NOT NULL
);

-- The result of each mutation handled (erpps.MutationResult; json keeps the
-- payloads byte for byte): a replay answers it unchanged.
CREATE TABLE sync_mutations (
    client_id   text NOT NULL REFERENCES sync_clients (client_id) ON DELETE CASCADE,
    seq         bigint NOT NULL CHECK (seq >= 1),
    mutation_id text NOT NULL,
    request_id  text NOT NULL DEFAULT '',
    outcome     text NOT NULL CHECK (outcome IN ('applied', 'conflict', 'rejected')),
    result      json NOT NULL,
    at          timestamptz NOT NULL,
    PRIMARY KEY (client_id, seq)
);

-- The change sequence, taken by every change under this row's lock, held
-- until the transaction ends: changes commit in the order of their seq, so a
-- pull that has seen seq n has seen every change before it. horizon is the
-- newest change pruned (a cursor below it must resync from a snapshot).
CREATE TABLE sync_counter (
    id      integer PRIMARY KEY CHECK (id = 1),
    seq     bigint NOT NULL,
    horizon bigint NOT NULL DEFAULT 0
);

-- The change log: one line per object a transaction changed (a request, a
-- practitioner's record). version is the request's revision (0 for a
-- record); client_id is the client whose mutation made the change (NULL:
-- anything else); xact is the transaction that wrote it.
CREATE TABLE sync_changes (
    seq       bigint PRIMARY KEY,
    kind      text NOT NULL CHECK (kind IN ('request', 'practitioner')),
    object_id text NOT NULL,
    rpps      text NOT NULL,
    version   bigint NOT NULL DEFAULT 0,
    client_id text,
    at        timestamptz NOT NULL DEFAULT now(),
    deleted   boolean NOT NULL DEFAULT false,
    xact      xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE INDEX sync_changes_by_object ON sync_changes (kind, object_id, seq);
CREATE INDEX sync_changes_by_rpps ON sync_changes (rpps, seq);
CREATE INDEX sync_changes_by_at ON sync_changes (at);
-- A transaction's own lines, collapsed to the newest of each object.
CREATE INDEX sync_changes_by_xact ON sync_changes (xact);

-- What exists already is the log's first state.
INSERT INTO sync_changes (seq, kind, object_id, rpps, version, at)
SELECT row_number() OVER (ORDER BY rpps), 'practitioner', rpps, rpps, 0, updated_at FROM practitioners;
INSERT INTO sync_changes (seq, kind, object_id, rpps, version, at)
SELECT (SELECT count(*) FROM practitioners) + row_number() OVER (ORDER BY seq), 'request', id, rpps, revision, updated_at
FROM requests;
INSERT INTO sync_counter (id, seq) SELECT 1, coalesce(max(seq), 0) FROM sync_changes;

-- Logs a change of an object: a transaction keeps one line per object (its
-- newest), numbered from the counter; the client is the one the
-- transaction's receipt names (erpps.sync_client, set for the transaction).
CREATE FUNCTION sync_log_change(k text, obj text, owner text, v bigint, del boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    me xid8 := pg_current_xact_id();
    n bigint;
BEGIN
    DELETE FROM sync_changes WHERE kind = k AND object_id = obj AND xact = me;
    UPDATE sync_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq INTO n;
    INSERT INTO sync_changes (seq, kind, object_id, rpps, version, client_id, deleted, xact)
    VALUES (n, k, obj, owner, v, nullif(current_setting('erpps.sync_client', true), ''), del, me);
END
$$;

CREATE FUNCTION sync_changes_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM sync_log_change('request', OLD.id, OLD.rpps, OLD.revision, true);
    ELSE
        PERFORM sync_log_change('request', NEW.id, NEW.rpps, NEW.revision, false);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER sync_changes_request AFTER INSERT OR UPDATE OR DELETE ON requests
FOR EACH ROW EXECUTE FUNCTION sync_changes_request();

-- A record's change: the practitioner, a profession or an activity.
CREATE FUNCTION sync_changes_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM sync_log_change('practitioner', OLD.rpps, OLD.rpps, 0, false);
    ELSE
        PERFORM sync_log_change('practitioner', NEW.rpps, NEW.rpps, 0, false);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER sync_changes_practitioner AFTER INSERT OR UPDATE OR DELETE ON practitioners
FOR EACH ROW EXECUTE FUNCTION sync_changes_record();
CREATE TRIGGER sync_changes_profession AFTER INSERT OR UPDATE OR DELETE ON professions
FOR EACH ROW EXECUTE FUNCTION sync_changes_record();
CREATE TRIGGER sync_changes_activity AFTER INSERT OR UPDATE OR DELETE ON activities
FOR EACH ROW EXECUTE FUNCTION sync_changes_record();
