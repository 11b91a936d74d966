-- A conversation's newest messages (the AI's history, the detail window) read from the top of this index. H2's
-- planner prefers the foreign key's index and sorts every message of the conversation, so the store names this one
-- in the query. PostgreSQL reads messages_conversation_idx backwards and needs no such index.
CREATE INDEX messages_newest_idx ON messages (tenant_id, conversation_id, id DESC);
