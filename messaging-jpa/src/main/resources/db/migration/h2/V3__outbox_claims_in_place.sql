-- Kept in step with PostgreSQL's V3: a claim writes worker_id on every row it takes, and only releaseAll,
-- at shutdown, looks rows up by worker.
DROP INDEX outbox_worker_idx;
