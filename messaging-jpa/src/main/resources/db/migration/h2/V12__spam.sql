-- As on PostgreSQL: the generated thread key that stands in for a partial unique index now covers spam too.
ALTER TABLE conversations DROP CONSTRAINT conversations_active_thread_uk;
ALTER TABLE conversations DROP COLUMN active_thread_key;
ALTER TABLE conversations ADD COLUMN active_thread_key CHARACTER VARYING
    GENERATED ALWAYS AS (CASE WHEN status IN ('active', 'spam') THEN thread_key END);
ALTER TABLE conversations ADD CONSTRAINT conversations_active_thread_uk UNIQUE (tenant_id, active_thread_key);

ALTER TABLE conversation_totals ADD COLUMN spam_conversations bigint NOT NULL DEFAULT 0;
ALTER TABLE conversation_totals ADD COLUMN spam_unread_conversations bigint NOT NULL DEFAULT 0;
