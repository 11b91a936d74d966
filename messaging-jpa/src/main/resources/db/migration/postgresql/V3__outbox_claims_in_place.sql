-- A claim writes worker_id and lease_until on every outbox row it takes. With an index on worker_id and
-- full pages, each claim wrote a new row version into every index; without it, and with room left on
-- each page for a claim of fifty rows, the claim is a heap-only update. releaseAll, the only lookup by worker, runs at shutdown and
-- scans the outbox, which holds only what is waiting to be sent.
DROP INDEX outbox_worker_idx;
ALTER TABLE outbox SET (fillfactor = 50);
