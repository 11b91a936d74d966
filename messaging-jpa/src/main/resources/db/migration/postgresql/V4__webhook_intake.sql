-- Webhook requests, stored before the provider is answered and kept until processed. A claim is
-- (worker_id, lease_until); an expired lease is free to take. A request that keeps failing stays as a dead
-- letter, with its error, until an admin replays it.
CREATE TABLE webhook_intake (
    tenant_id   varchar(64)  NOT NULL,
    id          varchar(64)  NOT NULL,
    source      varchar(64)  NOT NULL,
    fields      text         NOT NULL,
    received_at timestamp(6) with time zone NOT NULL,
    due_at      timestamp(6) with time zone NOT NULL,
    attempts    integer      NOT NULL DEFAULT 0,
    dead        boolean      NOT NULL DEFAULT false,
    worker_id   varchar(200),
    lease_until timestamp(6) with time zone,
    last_error  text,
    CONSTRAINT webhook_intake_pk PRIMARY KEY (tenant_id, id)
);

CREATE INDEX webhook_intake_due_idx ON webhook_intake (due_at, id) WHERE NOT dead;
CREATE INDEX webhook_intake_dead_idx ON webhook_intake (tenant_id, received_at, id) WHERE dead;
