package dev.threadline.messaging.spring.internal.web.support;

import dev.threadline.messaging.staff.Actor;

/**
 * Who is calling the admin API: an API key (acting as its tenant's owner) or a staff user. Every route reads its
 * tenant and permissions from {@link #actor()}.
 */
public record Caller(Actor actor) {

    /** Request attribute holding the authenticated caller. */
    public static final String ATTRIBUTE = "dev.threadline.messaging.spring.caller";

    public String tenantId() {
        return actor.tenantId();
    }

    /** What the audit trail records for this caller. */
    public String label() {
        return actor.label();
    }
}
