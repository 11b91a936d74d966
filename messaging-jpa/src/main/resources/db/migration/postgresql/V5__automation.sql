-- Automation state (messaging-automation): templates, campaigns with their recipients, contact profiles and
-- staff. Keys start with tenant_id, like the conversation tables, so they can be distributed by tenant.
-- Values whose shape belongs to the automation module (template variants, campaign variables) are JSON text.

CREATE TABLE automation_templates (
    tenant_id  varchar(64) NOT NULL,
    name       varchar(64) NOT NULL,
    kind       varchar(32) NOT NULL,
    variants   text        NOT NULL,
    fallback   text,
    CONSTRAINT automation_templates_pk PRIMARY KEY (tenant_id, name)
);

CREATE TABLE automation_campaigns (
    tenant_id     varchar(64)  NOT NULL,
    id            varchar(64)  NOT NULL,
    name          text         NOT NULL,
    template_name varchar(64)  NOT NULL,
    channel       varchar(32)  NOT NULL,
    marketing     boolean      NOT NULL,
    variables     text         NOT NULL,
    default_zone  varchar(64)  NOT NULL,
    allowed_from  time         NOT NULL,
    allowed_until time         NOT NULL,
    our_address   varchar(320),
    status        varchar(16)  NOT NULL,
    created_at    timestamp(6) with time zone NOT NULL,
    updated_at    timestamp(6) with time zone NOT NULL,
    CONSTRAINT automation_campaigns_pk PRIMARY KEY (tenant_id, id)
);

CREATE INDEX automation_campaigns_list_idx ON automation_campaigns (tenant_id, created_at DESC, id DESC);

-- seq keeps the order in which recipients were first stored; a later save keeps it.
CREATE TABLE automation_campaign_recipients (
    tenant_id       varchar(64)  NOT NULL,
    campaign_id     varchar(64)  NOT NULL,
    contact_id      varchar(64)  NOT NULL,
    seq             bigint       GENERATED ALWAYS AS IDENTITY,
    name            text,
    address         varchar(320) NOT NULL,
    zone            varchar(64)  NOT NULL,
    zone_source     varchar(32)  NOT NULL,
    variables       text         NOT NULL,
    status          varchar(16)  NOT NULL,
    reason          text,
    message_id      varchar(64),
    conversation_id varchar(64),
    send_at         timestamp(6) with time zone,
    replied_at      timestamp(6) with time zone,
    updated_at      timestamp(6) with time zone NOT NULL,
    CONSTRAINT automation_campaign_recipients_pk PRIMARY KEY (tenant_id, campaign_id, contact_id),
    CONSTRAINT automation_campaign_recipients_campaign_fk FOREIGN KEY (tenant_id, campaign_id)
        REFERENCES automation_campaigns (tenant_id, id)
);

CREATE INDEX automation_campaign_recipients_order_idx ON automation_campaign_recipients (tenant_id, campaign_id, seq);
CREATE INDEX automation_campaign_recipients_message_idx ON automation_campaign_recipients (tenant_id, message_id)
    WHERE message_id IS NOT NULL;

CREATE TABLE automation_campaign_conversations (
    tenant_id       varchar(64) NOT NULL,
    conversation_id varchar(64) NOT NULL,
    campaign_id     varchar(64) NOT NULL,
    CONSTRAINT automation_campaign_conversations_pk PRIMARY KEY (tenant_id, conversation_id)
);

CREATE TABLE automation_contact_profiles (
    tenant_id  varchar(64) NOT NULL,
    contact_id varchar(64) NOT NULL,
    zone       varchar(64),
    CONSTRAINT automation_contact_profiles_pk PRIMARY KEY (tenant_id, contact_id)
);

CREATE TABLE automation_contact_tags (
    tenant_id  varchar(64)  NOT NULL,
    contact_id varchar(64)  NOT NULL,
    tag        varchar(200) NOT NULL,
    CONSTRAINT automation_contact_tags_pk PRIMARY KEY (tenant_id, contact_id, tag),
    CONSTRAINT automation_contact_tags_profile_fk FOREIGN KEY (tenant_id, contact_id)
        REFERENCES automation_contact_profiles (tenant_id, contact_id) ON DELETE CASCADE
);

CREATE INDEX automation_contact_tags_tag_idx ON automation_contact_tags (tenant_id, tag, contact_id);

CREATE TABLE automation_staff (
    tenant_id  varchar(64)  NOT NULL,
    id         varchar(64)  NOT NULL,
    name       text         NOT NULL,
    email      varchar(320),
    phone      varchar(32),
    level      varchar(16)  NOT NULL,
    notify_via varchar(32),
    CONSTRAINT automation_staff_pk PRIMARY KEY (tenant_id, id)
);

-- One row per run of a periodic job (the daily digest) that an instance claimed; the primary key lets one win.
CREATE TABLE automation_job_runs (
    tenant_id  varchar(64)  NOT NULL,
    job        varchar(64)  NOT NULL,
    planned_at timestamp(6) with time zone NOT NULL,
    CONSTRAINT automation_job_runs_pk PRIMARY KEY (tenant_id, job, planned_at)
);
