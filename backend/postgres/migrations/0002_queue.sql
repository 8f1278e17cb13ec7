-- 0002: the agent's queue reads an index only until it has its page, and
-- counts by summing a few lines kept by a trigger instead of counting every
-- request of a large region.

-- Walking the requests in transmission order, the filter's columns in the
-- index (a large queue); or the few requests a narrow filter matches,
-- sorted (a small one).
DROP INDEX requests_by_transmitted;
DROP INDEX requests_queue;
CREATE INDEX requests_queue_order ON requests (transmitted_at, id) INCLUDE (department, status, kind)
    WHERE transmitted_at IS NOT NULL;
CREATE INDEX requests_queue_match ON requests (department, status, kind, transmitted_at, id)
    WHERE transmitted_at IS NOT NULL;

-- The number of transmitted requests by département, status and kind.
CREATE TABLE queue_counts (
    department text NOT NULL,
    status     text NOT NULL,
    kind       text NOT NULL,
    n          bigint NOT NULL CHECK (n >= 0),
    PRIMARY KEY (department, status, kind)
);

INSERT INTO queue_counts (department, status, kind, n)
SELECT department, status, kind, count(*) FROM requests WHERE transmitted_at IS NOT NULL
GROUP BY department, status, kind;

-- Moves a request between the lines of queue_counts. The lines are locked
-- in key order before they change, so that transactions moving requests
-- between the same lines, in any processes, never wait for each other in a
-- cycle (no deadlock).
CREATE FUNCTION queue_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_in boolean := TG_OP <> 'INSERT' AND OLD.transmitted_at IS NOT NULL;
    new_in boolean := TG_OP <> 'DELETE' AND NEW.transmitted_at IS NOT NULL;
BEGIN
    IF old_in AND new_in AND OLD.department = NEW.department AND OLD.status = NEW.status AND OLD.kind = NEW.kind THEN
        RETURN NULL;
    END IF;
    IF new_in THEN
        INSERT INTO queue_counts (department, status, kind, n) VALUES (NEW.department, NEW.status, NEW.kind, 0)
        ON CONFLICT DO NOTHING;
    END IF;
    PERFORM 1 FROM queue_counts q
    WHERE (old_in AND q.department = OLD.department AND q.status = OLD.status AND q.kind = OLD.kind)
       OR (new_in AND q.department = NEW.department AND q.status = NEW.status AND q.kind = NEW.kind)
    ORDER BY q.department, q.status, q.kind
    FOR UPDATE;
    IF old_in THEN
        UPDATE queue_counts SET n = n - 1
        WHERE department = OLD.department AND status = OLD.status AND kind = OLD.kind;
    END IF;
    IF new_in THEN
        UPDATE queue_counts SET n = n + 1
        WHERE department = NEW.department AND status = NEW.status AND kind = NEW.kind;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER queue_counts_move AFTER INSERT OR DELETE OR UPDATE OF department, status, kind, transmitted_at
ON requests FOR EACH ROW EXECUTE FUNCTION queue_counts_move();
