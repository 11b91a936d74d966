-- The conversations holding a draft AI reply (the console's drafts count and view). H2 has no partial index.
CREATE INDEX messages_drafts_idx ON messages (tenant_id, status, conversation_id);
