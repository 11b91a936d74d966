-- Campaign sends booked per tenant and calendar minute (minutes since the epoch): the one rate limit every app
-- instance of a tenant shares. A booking adds one to used, only while used is below the tenant's limit.
CREATE TABLE automation_send_slots (
    tenant_id       varchar(64) NOT NULL,
    minute_of_epoch bigint      NOT NULL,
    used            integer     NOT NULL,
    CONSTRAINT automation_send_slots_pk PRIMARY KEY (tenant_id, minute_of_epoch)
);
