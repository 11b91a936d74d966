-- H2 has no partial indexes; otherwise as on PostgreSQL.
-- People in the product: inboxes with the addresses routed to them, staff users with roles and memberships,
-- and each conversation's inbox and assignee. Keys lead with tenant_id, like every other table.
ALTER TABLE conversations ADD COLUMN inbox_id varchar(64) NOT NULL DEFAULT 'default';
ALTER TABLE conversations ADD COLUMN assignee_id varchar(64);

-- The list filtered by inbox or by assignee, newest activity first.
CREATE INDEX conversations_inbox_list_idx ON conversations (tenant_id, inbox_id, last_activity_at DESC, id DESC);
CREATE INDEX conversations_assignee_list_idx ON conversations (tenant_id, assignee_id, last_activity_at DESC, id DESC);

CREATE TABLE inboxes (
    tenant_id varchar(64) NOT NULL,
    id        varchar(64) NOT NULL,
    name      text        NOT NULL,
    ai_mode   varchar(16),
    CONSTRAINT inboxes_pk PRIMARY KEY (tenant_id, id)
);

-- One address routes to one inbox of a tenant.
CREATE TABLE inbox_addresses (
    tenant_id varchar(64)  NOT NULL,
    address   varchar(320) NOT NULL,
    inbox_id  varchar(64)  NOT NULL,
    CONSTRAINT inbox_addresses_pk PRIMARY KEY (tenant_id, address)
);

CREATE TABLE staff_users (
    tenant_id varchar(64)  NOT NULL,
    id        varchar(64)  NOT NULL,
    email     varchar(320) NOT NULL,
    name      text         NOT NULL,
    role      varchar(16)  NOT NULL,
    active    boolean      NOT NULL,
    CONSTRAINT staff_users_pk PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX staff_users_email_uk ON staff_users (tenant_id, email);

-- No foreign key to inboxes: the default inbox exists without a row.
CREATE TABLE inbox_members (
    tenant_id varchar(64) NOT NULL,
    user_id   varchar(64) NOT NULL,
    inbox_id  varchar(64) NOT NULL,
    CONSTRAINT inbox_members_pk PRIMARY KEY (tenant_id, user_id, inbox_id),
    CONSTRAINT inbox_members_user_fk FOREIGN KEY (tenant_id, user_id) REFERENCES staff_users (tenant_id, id) ON DELETE CASCADE
);
