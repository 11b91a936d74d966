-- When the oldest customer message nobody has answered arrived (null when the last word is ours), moved by the
-- same UPDATE that moves a conversation's counters; the "never miss a callback" list reads it oldest first.
ALTER TABLE conversations ADD COLUMN awaiting_reply_since timestamp(6) with time zone;

-- Existing conversations whose newest exchanged message is the customer's wait since their first unanswered one.
UPDATE conversations c SET awaiting_reply_since = (
    SELECT min(m.created_at) FROM messages m
    WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND m.direction = 'inbound' AND m.author = 'customer'
      AND m.created_at > coalesce((SELECT max(o.created_at) FROM messages o
                                   WHERE o.tenant_id = c.tenant_id AND o.conversation_id = c.id AND o.direction = 'outbound'
                                     AND o.status <> 'draft'), '-infinity'::timestamptz));

CREATE INDEX conversations_waiting_idx ON conversations (tenant_id, awaiting_reply_since, id)
    WHERE awaiting_reply_since IS NOT NULL;
