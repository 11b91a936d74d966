-- Threadline schema, H2. Every table starts its keys with tenant_id, and every unique
-- constraint and foreign key includes it, so the tables can be distributed by tenant (Citus) as is.

CREATE TABLE contacts (
    tenant_id          varchar(64)  NOT NULL,
    id                 varchar(64)  NOT NULL,
    name               CHARACTER VARYING,
    phone              varchar(32),
    email              varchar(320),
    opted_out_channels CHARACTER VARYING         NOT NULL DEFAULT '',
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT contacts_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT contacts_phone_uk UNIQUE (tenant_id, phone),
    CONSTRAINT contacts_email_uk UNIQUE (tenant_id, email)
);

CREATE TABLE conversations (
    tenant_id              varchar(64)  NOT NULL,
    id                     varchar(64)  NOT NULL,
    channel                varchar(32)  NOT NULL,
    contact_id             varchar(64)  NOT NULL,
    customer_name          CHARACTER VARYING,
    customer_phone         varchar(32),
    customer_email         varchar(320),
    our_address            varchar(320),
    thread_key             CHARACTER VARYING         NOT NULL,
    status                 varchar(16)  NOT NULL,
    subject                CHARACTER VARYING,
    headline               CHARACTER VARYING,
    initiated_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_activity_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    message_count          bigint       NOT NULL DEFAULT 0,
    unread_count           bigint       NOT NULL DEFAULT 0,
    last_message_preview   CHARACTER VARYING,
    satisfaction_score     double precision,
    satisfaction_sentiment varchar(16),
    satisfaction_outcome   varchar(64),
    satisfaction_reason    CHARACTER VARYING,
    metadata               CHARACTER VARYING         NOT NULL DEFAULT '{}',
    version                bigint       NOT NULL DEFAULT 0,
    -- The thread key while active, else null: its unique constraint stands in for a partial unique index.
    active_thread_key      CHARACTER VARYING GENERATED ALWAYS AS (CASE WHEN status = 'active' THEN thread_key END),
    CONSTRAINT conversations_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT conversations_contact_fk FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
    CONSTRAINT conversations_active_thread_uk UNIQUE (tenant_id, active_thread_key)
);

CREATE INDEX conversations_thread_idx ON conversations (tenant_id, thread_key);
-- The list: newest activity first, ties by id, with or without a channel, status or unread filter.
-- H2 has no trigram or partial indexes: search scans, which suits one machine's data.
CREATE INDEX conversations_list_idx ON conversations (tenant_id, last_activity_at DESC, id DESC);
CREATE INDEX conversations_channel_list_idx ON conversations (tenant_id, channel, last_activity_at DESC, id DESC);
CREATE INDEX conversations_status_list_idx ON conversations (tenant_id, status, last_activity_at DESC, id DESC);
CREATE INDEX conversations_unread_list_idx ON conversations (tenant_id, unread_count);
CREATE INDEX conversations_contact_idx ON conversations (tenant_id, contact_id);

-- Append-only; only the delivery columns change.
CREATE TABLE messages (
    tenant_id           varchar(64)  NOT NULL,
    id                  varchar(64)  NOT NULL,
    conversation_id     varchar(64)  NOT NULL,
    channel             varchar(32)  NOT NULL,
    direction           varchar(16)  NOT NULL,
    author              varchar(16)  NOT NULL,
    body                CHARACTER VARYING         NOT NULL,
    subject             CHARACTER VARYING,
    media_urls          CHARACTER VARYING         NOT NULL DEFAULT '[]',
    provider_message_id varchar(255),
    thread_ref          varchar(998),
    status              varchar(16)  NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    error_code          varchar(64),
    error_message       CHARACTER VARYING,
    metadata            CHARACTER VARYING         NOT NULL DEFAULT '{}',
    CONSTRAINT messages_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT messages_conversation_fk FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id),
    CONSTRAINT messages_provider_id_uk UNIQUE (tenant_id, channel, provider_message_id)
);

-- History in arrival order (ids are time-ordered).
CREATE INDEX messages_conversation_idx ON messages (tenant_id, conversation_id, id);
CREATE INDEX messages_thread_ref_idx ON messages (tenant_id, thread_ref);

CREATE TABLE conversation_events (
    tenant_id       varchar(64)  NOT NULL,
    id              varchar(64)  NOT NULL,
    conversation_id varchar(64)  NOT NULL,
    type            varchar(64)  NOT NULL,
    data            CHARACTER VARYING         NOT NULL,
    occurred_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT conversation_events_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT conversation_events_conversation_fk FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
);

CREATE INDEX conversation_events_timeline_idx ON conversation_events (tenant_id, conversation_id, occurred_at, id);

-- Messages waiting to be sent. A claim is (worker_id, lease_until); an expired lease is free to take.
CREATE TABLE outbox (
    tenant_id   varchar(64)  NOT NULL,
    message_id  varchar(64)  NOT NULL,
    due_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    attempts    integer      NOT NULL DEFAULT 0,
    worker_id   varchar(200),
    lease_until TIMESTAMP(6) WITH TIME ZONE,
    last_error  CHARACTER VARYING,
    CONSTRAINT outbox_pk PRIMARY KEY (tenant_id, message_id),
    CONSTRAINT outbox_message_fk FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
);

CREATE INDEX outbox_due_idx ON outbox (due_at, message_id);
CREATE INDEX outbox_worker_idx ON outbox (worker_id);

CREATE TABLE processed_keys (
    tenant_id     varchar(64)  NOT NULL,
    processed_key varchar(255) NOT NULL,
    processed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT processed_keys_pk PRIMARY KEY (tenant_id, processed_key)
);
