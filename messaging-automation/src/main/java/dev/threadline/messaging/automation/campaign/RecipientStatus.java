package dev.threadline.messaging.automation.campaign;

import java.util.Locale;

/** Where one recipient of a campaign is. */
public enum RecipientStatus {
    /** Not scheduled yet (the campaign is a draft or paused). */
    PENDING,
    /** Its message waits in the outbox or is on its way to the provider. */
    SCHEDULED,
    /** The provider accepted the message (it may since have been delivered or read). */
    SENT,
    /** Left out, with a reason such as {@code opted_out}. */
    SKIPPED,
    /** The message failed or was undelivered; the reason is the provider's error code. */
    FAILED,
    /** The campaign was canceled before this recipient's message went out. */
    CANCELED;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
