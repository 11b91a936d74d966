-- As on PostgreSQL (H2 has no partial indexes).
ALTER TABLE conversations ADD COLUMN context_type varchar(64);
ALTER TABLE conversations ADD COLUMN context_id varchar(128);
ALTER TABLE conversations ADD COLUMN context_title varchar(200);
ALTER TABLE conversations ADD COLUMN context_url varchar(2000);

CREATE INDEX conversations_context_idx ON conversations (tenant_id, context_type, context_id, last_activity_at DESC, id DESC);
