-- 0002: at most one draft of a kind on the same object for a practitioner
-- (the activity a cessation ends; the record itself for the other kinds).
-- A second draft would split the user's work between two copies; starting a
-- request resumes the existing draft instead.
CREATE UNIQUE INDEX requests_one_draft_per_object ON requests (rpps, kind, target_id) WHERE status = 'draft';
