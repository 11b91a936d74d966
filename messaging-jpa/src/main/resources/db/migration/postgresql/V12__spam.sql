-- Spam: a conversation staff marked as spam keeps receiving its thread's messages (quietly), so the one
-- conversation per thread that receives messages may be active or spam.
DROP INDEX conversations_active_thread_uk;
CREATE UNIQUE INDEX conversations_active_thread_uk ON conversations (tenant_id, thread_key) WHERE status IN ('active', 'spam');

ALTER TABLE conversation_totals ADD COLUMN spam_conversations bigint NOT NULL DEFAULT 0;
ALTER TABLE conversation_totals ADD COLUMN spam_unread_conversations bigint NOT NULL DEFAULT 0;
