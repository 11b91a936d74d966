-- As on PostgreSQL (H2 has no partial indexes and no -infinity).
ALTER TABLE conversations ADD COLUMN awaiting_reply_since TIMESTAMP(6) WITH TIME ZONE;

UPDATE conversations c SET awaiting_reply_since = (
    SELECT min(m.created_at) FROM messages m
    WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND m.direction = 'inbound' AND m.author = 'customer'
      AND m.created_at > coalesce((SELECT max(o.created_at) FROM messages o
                                   WHERE o.tenant_id = c.tenant_id AND o.conversation_id = c.id AND o.direction = 'outbound'
                                     AND o.status <> 'draft'), TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'));

CREATE INDEX conversations_waiting_idx ON conversations (tenant_id, awaiting_reply_since, id);
