-- How many conversations each tenant has, per channel and status, and how many of those have unread
-- messages: the conversation list's total without a text search reads these few rows instead of counting
-- the tenant's conversations. The store moves them in the same transaction as the change they count.
--
-- One row per (tenant, channel, slot) with a column pair per status, so a status change moves one row.
-- A conversation counts in slot = the last hex digit of the SHA-256 of its id (UTF-8), 0 to 15, so writers
-- in one busy tenant spread over 16 row locks instead of queuing on one.
CREATE TABLE conversation_totals (
    tenant_id                      varchar(64) NOT NULL,
    channel                        varchar(32) NOT NULL,
    slot                           smallint    NOT NULL,
    active_conversations           bigint      NOT NULL DEFAULT 0,
    active_unread_conversations    bigint      NOT NULL DEFAULT 0,
    completed_conversations        bigint      NOT NULL DEFAULT 0,
    completed_unread_conversations bigint      NOT NULL DEFAULT 0,
    archived_conversations         bigint      NOT NULL DEFAULT 0,
    archived_unread_conversations  bigint      NOT NULL DEFAULT 0,
    CONSTRAINT conversation_totals_pk PRIMARY KEY (tenant_id, channel, slot)
);

INSERT INTO conversation_totals (tenant_id, channel, slot, active_conversations, active_unread_conversations,
                                 completed_conversations, completed_unread_conversations, archived_conversations,
                                 archived_unread_conversations)
SELECT tenant_id, channel, position(right(lower(rawtohex(hash('SHA-256', id))), 1) in '0123456789abcdef') - 1,
       count(*) FILTER (WHERE status = 'active'),
       count(*) FILTER (WHERE status = 'active' AND unread_count > 0),
       count(*) FILTER (WHERE status = 'completed'),
       count(*) FILTER (WHERE status = 'completed' AND unread_count > 0),
       count(*) FILTER (WHERE status = 'archived'),
       count(*) FILTER (WHERE status = 'archived' AND unread_count > 0)
FROM conversations
GROUP BY tenant_id, channel, position(right(lower(rawtohex(hash('SHA-256', id))), 1) in '0123456789abcdef') - 1;
