-- Webhook requests, stored before the provider is answered and kept until processed. A claim is
-- (worker_id, lease_until); an expired lease is free to take. A request that keeps failing stays as a dead
-- letter, with its error, until an admin replays it.
CREATE TABLE webhook_intake (
    tenant_id   varchar(64)  NOT NULL,
    id          varchar(64)  NOT NULL,
    source      varchar(64)  NOT NULL,
    fields      CHARACTER LARGE OBJECT NOT NULL,
    received_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    due_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    attempts    integer      NOT NULL DEFAULT 0,
    dead        boolean      NOT NULL DEFAULT false,
    worker_id   varchar(200),
    lease_until TIMESTAMP(6) WITH TIME ZONE,
    last_error  CHARACTER VARYING,
    CONSTRAINT webhook_intake_pk PRIMARY KEY (tenant_id, id)
);

CREATE INDEX webhook_intake_due_idx ON webhook_intake (dead, due_at, id);
CREATE INDEX webhook_intake_dead_idx ON webhook_intake (tenant_id, dead, received_at, id);
