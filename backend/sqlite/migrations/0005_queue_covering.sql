-- 0005: the agent's queue reads its indexes only until it has its page:
-- walking the requests in transmission order while the filter's columns are
-- in the index (a large queue), or sorting the few requests a narrow filter
-- matches (a small one).
DROP INDEX requests_queue;
DROP INDEX requests_queue_count;
CREATE INDEX requests_queue_order ON requests (transmitted_at, id, department, status, kind) WHERE transmitted_at IS NOT NULL;
CREATE INDEX requests_queue_match ON requests (department, status, kind, transmitted_at, id) WHERE transmitted_at IS NOT NULL;

-- The queue's counts by département, status and kind, kept by triggers on
-- requests: counting a large queue is summing a few lines.
CREATE TABLE queue_counts (
    department TEXT NOT NULL,
    status     TEXT NOT NULL,
    kind       TEXT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (department, status, kind)
) STRICT, WITHOUT ROWID;

INSERT INTO queue_counts (department, status, kind, n)
SELECT department, status, kind, count(*) FROM requests WHERE transmitted_at IS NOT NULL
GROUP BY department, status, kind;

CREATE TRIGGER queue_counts_insert AFTER INSERT ON requests WHEN new.transmitted_at IS NOT NULL
BEGIN
    INSERT INTO queue_counts (department, status, kind, n) VALUES (new.department, new.status, new.kind, 1)
    ON CONFLICT (department, status, kind) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER queue_counts_delete AFTER DELETE ON requests WHEN old.transmitted_at IS NOT NULL
BEGIN
    UPDATE queue_counts SET n = n - 1
    WHERE department = old.department AND status = old.status AND kind = old.kind;
END;

CREATE TRIGGER queue_counts_update AFTER UPDATE OF department, status, kind, transmitted_at ON requests
BEGIN
    UPDATE queue_counts SET n = n - 1
    WHERE old.transmitted_at IS NOT NULL
      AND department = old.department AND status = old.status AND kind = old.kind;
    INSERT INTO queue_counts (department, status, kind, n)
    SELECT new.department, new.status, new.kind, 1 WHERE new.transmitted_at IS NOT NULL
    ON CONFLICT (department, status, kind) DO UPDATE SET n = n + 1;
END;
