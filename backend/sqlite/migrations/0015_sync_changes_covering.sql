-- 0015: the change log's index by object also holds each line's version and
-- client, so that ChangedByOthersSince, read before every mutation a
-- desktop pushes, reads the index alone: without them it read the table's
-- row of every line of the request (one per save) three times.
DROP INDEX sync_changes_by_object;
CREATE INDEX sync_changes_by_object ON sync_changes (kind, object_id, seq, version, client_id);
