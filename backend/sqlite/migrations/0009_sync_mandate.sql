-- 0009: a mandate granted logs the practitioner's record and each of their
-- requests anew (new seqs, in the grant's transaction): a secretary whose
-- desktop synced before the grant has a cursor past the record's changes and
-- would never pull them otherwise. A request's line repeats its newest line
-- (version and client): who changed the request since a version is unchanged
-- (ChangedByOthersSince). A deleted request is not logged again.
CREATE TRIGGER sync_changes_mandate_insert AFTER INSERT ON mandates
WHEN (SELECT enabled FROM sync_log WHERE id = 1)
BEGIN
    INSERT INTO sync_changes (kind, object_id, rpps, at)
    SELECT 'practitioner', p.rpps, p.rpps, strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000000Z'
    FROM practitioners p WHERE p.rpps = new.rpps;
    INSERT INTO sync_changes (kind, object_id, rpps, version, client_id, at)
    SELECT 'request', r.id, r.rpps, r.revision,
        (SELECT c.client_id FROM sync_changes c WHERE c.kind = 'request' AND c.object_id = r.id
         ORDER BY c.seq DESC LIMIT 1),
        strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000000Z'
    FROM requests r WHERE r.rpps = new.rpps ORDER BY r.created_at, r.id;
END;
