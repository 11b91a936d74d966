-- Kept in step with PostgreSQL's V4: a claim moves due_at to the end of its lease and keeps the due time
-- the entry had here, for releaseAll.
ALTER TABLE outbox ADD COLUMN claimed_due_at TIMESTAMP(6) WITH TIME ZONE;
