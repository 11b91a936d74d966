-- The conversations holding a draft AI reply (the console's drafts count and view): drafts are few among all
-- messages, so a partial index keeps them without indexing any other message.
CREATE INDEX messages_drafts_idx ON messages (tenant_id, conversation_id) WHERE status = 'draft';
