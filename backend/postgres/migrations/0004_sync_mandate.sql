-- 0004: a mandate granted logs the practitioner's record and each of their
-- requests anew (new seqs from the counter, in the grant's transaction): a
-- secretary whose desktop synced before the grant has a cursor past the
-- record's changes and would never pull them otherwise. A request's line
-- repeats its newest line (version and client): who changed the request
-- since a version is unchanged (ChangedByOthersSince). A deleted request is
-- not logged again. The grant's transaction takes the counter's lock first,
-- like every write (the store's CreateMandate).
CREATE FUNCTION sync_changes_mandate() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    me xid8 := pg_current_xact_id();
    r record;
    n bigint;
BEGIN
    IF EXISTS (SELECT 1 FROM practitioners WHERE rpps = NEW.rpps) THEN
        PERFORM sync_log_change('practitioner', NEW.rpps, NEW.rpps, 0, false);
    END IF;
    FOR r IN
        SELECT q.id, q.rpps, q.revision,
            (SELECT c.client_id FROM sync_changes c WHERE c.kind = 'request' AND c.object_id = q.id
             ORDER BY c.seq DESC LIMIT 1) AS client_id
        FROM requests q WHERE q.rpps = NEW.rpps ORDER BY q.seq
    LOOP
        DELETE FROM sync_changes WHERE kind = 'request' AND object_id = r.id AND xact = me;
        UPDATE sync_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq INTO n;
        INSERT INTO sync_changes (seq, kind, object_id, rpps, version, client_id, deleted, xact)
        VALUES (n, 'request', r.id, r.rpps, r.revision, r.client_id, false, me);
    END LOOP;
    RETURN NULL;
END
$$;

CREATE TRIGGER sync_changes_mandate AFTER INSERT ON mandates
FOR EACH ROW EXECUTE FUNCTION sync_changes_mandate();
