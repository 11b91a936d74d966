-- Threadline schema, PostgreSQL. Every table starts its keys with tenant_id, and every unique
-- constraint and foreign key includes it, so the tables can be distributed by tenant (Citus) as is.

-- Trigram indexes serve the list search (LIKE '%text%'). Creating the extension needs rights the app
-- may lack, so it is created only when missing (a DBA can create it beforehand).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE EXTENSION pg_trgm;
    END IF;
END
$$;

CREATE TABLE contacts (
    tenant_id          varchar(64)  NOT NULL,
    id                 varchar(64)  NOT NULL,
    name               text,
    phone              varchar(32),
    email              varchar(320),
    opted_out_channels text         NOT NULL DEFAULT '',
    created_at         timestamp(6) with time zone NOT NULL,
    CONSTRAINT contacts_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT contacts_phone_uk UNIQUE (tenant_id, phone),
    CONSTRAINT contacts_email_uk UNIQUE (tenant_id, email)
);

CREATE TABLE conversations (
    tenant_id              varchar(64)  NOT NULL,
    id                     varchar(64)  NOT NULL,
    channel                varchar(32)  NOT NULL,
    contact_id             varchar(64)  NOT NULL,
    customer_name          text,
    customer_phone         varchar(32),
    customer_email         varchar(320),
    our_address            varchar(320),
    thread_key             text         NOT NULL,
    status                 varchar(16)  NOT NULL,
    subject                text,
    headline               text,
    initiated_at           timestamp(6) with time zone NOT NULL,
    last_activity_at       timestamp(6) with time zone NOT NULL,
    message_count          bigint       NOT NULL DEFAULT 0,
    unread_count           bigint       NOT NULL DEFAULT 0,
    last_message_preview   text,
    satisfaction_score     double precision,
    satisfaction_sentiment varchar(16),
    satisfaction_outcome   varchar(64),
    satisfaction_reason    text,
    metadata               text         NOT NULL DEFAULT '{}',
    version                bigint       NOT NULL DEFAULT 0,
    CONSTRAINT conversations_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT conversations_contact_fk FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);

-- Exactly one active conversation per thread, even when app instances race to open it.
CREATE UNIQUE INDEX conversations_active_thread_uk ON conversations (tenant_id, thread_key) WHERE status = 'active';
-- The list: newest activity first, ties by id, with or without a channel, status or unread filter.
CREATE INDEX conversations_list_idx ON conversations (tenant_id, last_activity_at DESC, id DESC);
CREATE INDEX conversations_channel_list_idx ON conversations (tenant_id, channel, last_activity_at DESC, id DESC);
CREATE INDEX conversations_status_list_idx ON conversations (tenant_id, status, last_activity_at DESC, id DESC);
CREATE INDEX conversations_unread_list_idx ON conversations (tenant_id, last_activity_at DESC, id DESC) WHERE unread_count > 0;
CREATE INDEX conversations_contact_idx ON conversations (tenant_id, contact_id);
CREATE INDEX conversations_name_search_idx ON conversations USING gin (lower(customer_name) gin_trgm_ops);
CREATE INDEX conversations_phone_search_idx ON conversations USING gin (lower(customer_phone) gin_trgm_ops);
CREATE INDEX conversations_email_search_idx ON conversations USING gin (lower(customer_email) gin_trgm_ops);
CREATE INDEX conversations_subject_search_idx ON conversations USING gin (lower(subject) gin_trgm_ops);

-- Append-only; only the delivery columns change.
CREATE TABLE messages (
    tenant_id           varchar(64)  NOT NULL,
    id                  varchar(64)  NOT NULL,
    conversation_id     varchar(64)  NOT NULL,
    channel             varchar(32)  NOT NULL,
    direction           varchar(16)  NOT NULL,
    author              varchar(16)  NOT NULL,
    body                text         NOT NULL,
    subject             text,
    media_urls          text         NOT NULL DEFAULT '[]',
    provider_message_id varchar(255),
    thread_ref          varchar(998),
    status              varchar(16)  NOT NULL,
    created_at          timestamp(6) with time zone NOT NULL,
    status_at           timestamp(6) with time zone NOT NULL,
    error_code          varchar(64),
    error_message       text,
    metadata            text         NOT NULL DEFAULT '{}',
    CONSTRAINT messages_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT messages_conversation_fk FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id),
    CONSTRAINT messages_provider_id_uk UNIQUE (tenant_id, channel, provider_message_id)
);

-- History in arrival order (ids are time-ordered).
CREATE INDEX messages_conversation_idx ON messages (tenant_id, conversation_id, id);
CREATE INDEX messages_thread_ref_idx ON messages (tenant_id, thread_ref) WHERE thread_ref IS NOT NULL;
CREATE INDEX messages_body_search_idx ON messages USING gin (lower(body) gin_trgm_ops);

CREATE TABLE conversation_events (
    tenant_id       varchar(64)  NOT NULL,
    id              varchar(64)  NOT NULL,
    conversation_id varchar(64)  NOT NULL,
    type            varchar(64)  NOT NULL,
    data            text         NOT NULL,
    occurred_at     timestamp(6) with time zone NOT NULL,
    CONSTRAINT conversation_events_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT conversation_events_conversation_fk FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
);

CREATE INDEX conversation_events_timeline_idx ON conversation_events (tenant_id, conversation_id, occurred_at, id);

-- Messages waiting to be sent. A claim is (worker_id, lease_until); an expired lease is free to take.
CREATE TABLE outbox (
    tenant_id   varchar(64)  NOT NULL,
    message_id  varchar(64)  NOT NULL,
    due_at      timestamp(6) with time zone NOT NULL,
    attempts    integer      NOT NULL DEFAULT 0,
    worker_id   varchar(200),
    lease_until timestamp(6) with time zone,
    last_error  text,
    CONSTRAINT outbox_pk PRIMARY KEY (tenant_id, message_id),
    CONSTRAINT outbox_message_fk FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
);

CREATE INDEX outbox_due_idx ON outbox (due_at, message_id);
CREATE INDEX outbox_worker_idx ON outbox (worker_id) WHERE worker_id IS NOT NULL;

CREATE TABLE processed_keys (
    tenant_id     varchar(64)  NOT NULL,
    processed_key varchar(255) NOT NULL,
    processed_at  timestamp(6) with time zone NOT NULL,
    CONSTRAINT processed_keys_pk PRIMARY KEY (tenant_id, processed_key)
);
