-- What a conversation is about (a listing, an order), in the host's terms; lists filter by type and id.
ALTER TABLE conversations ADD COLUMN context_type varchar(64);
ALTER TABLE conversations ADD COLUMN context_id varchar(128);
ALTER TABLE conversations ADD COLUMN context_title varchar(200);
ALTER TABLE conversations ADD COLUMN context_url varchar(2000);

CREATE INDEX conversations_context_idx ON conversations (tenant_id, context_type, context_id, last_activity_at DESC, id DESC)
    WHERE context_type IS NOT NULL;
