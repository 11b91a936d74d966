package dev.threadline.messaging.spring.internal.web.support;

/**
 * Who is calling the admin API: the tenant of the API key and the actor recorded in the audit trail
 * (a fingerprint of the key, never the key, plus the optional {@code X-Actor} name).
 */
public record Caller(String tenantId, String actor) {

    /** Request attribute holding the authenticated caller. */
    public static final String ATTRIBUTE = "dev.threadline.messaging.spring.caller";
}
