-- One type of a conversation's events from a time on (the tool calls within the AI's history window), read without
-- walking the whole timeline, which grows with every staff action.
CREATE INDEX conversation_events_type_idx ON conversation_events (tenant_id, conversation_id, type, occurred_at, id);
