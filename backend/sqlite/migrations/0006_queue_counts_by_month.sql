-- 0006: the queue's counts also by month of transmission, so that counting
-- the requests waiting since before a day (the « ancienneté » filter) sums
-- the months before it and counts in the index only the days of its month.
DROP TRIGGER queue_counts_insert;
DROP TRIGGER queue_counts_delete;
DROP TRIGGER queue_counts_update;
DROP TABLE queue_counts;

CREATE TABLE queue_counts (
    department TEXT NOT NULL,
    status     TEXT NOT NULL,
    kind       TEXT NOT NULL,
    month      TEXT NOT NULL, -- YYYY-MM of transmitted_at
    n          INTEGER NOT NULL,
    PRIMARY KEY (department, status, kind, month)
) STRICT, WITHOUT ROWID;

INSERT INTO queue_counts (department, status, kind, month, n)
SELECT department, status, kind, substr(transmitted_at, 1, 7), count(*) FROM requests
WHERE transmitted_at IS NOT NULL
GROUP BY department, status, kind, substr(transmitted_at, 1, 7);

CREATE TRIGGER queue_counts_insert AFTER INSERT ON requests WHEN new.transmitted_at IS NOT NULL
BEGIN
    INSERT INTO queue_counts (department, status, kind, month, n)
    VALUES (new.department, new.status, new.kind, substr(new.transmitted_at, 1, 7), 1)
    ON CONFLICT (department, status, kind, month) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER queue_counts_delete AFTER DELETE ON requests WHEN old.transmitted_at IS NOT NULL
BEGIN
    UPDATE queue_counts SET n = n - 1
    WHERE department = old.department AND status = old.status AND kind = old.kind
      AND month = substr(old.transmitted_at, 1, 7);
END;

CREATE TRIGGER queue_counts_update AFTER UPDATE OF department, status, kind, transmitted_at ON requests
BEGIN
    UPDATE queue_counts SET n = n - 1
    WHERE old.transmitted_at IS NOT NULL
      AND department = old.department AND status = old.status AND kind = old.kind
      AND month = substr(old.transmitted_at, 1, 7);
    INSERT INTO queue_counts (department, status, kind, month, n)
    SELECT new.department, new.status, new.kind, substr(new.transmitted_at, 1, 7), 1
    WHERE new.transmitted_at IS NOT NULL
    ON CONFLICT (department, status, kind, month) DO UPDATE SET n = n + 1;
END;
