package dev.threadline.messaging.automation.campaign;

import java.util.Locale;

/** Where a campaign is in its life. */
public enum CampaignStatus {
    /** Created with its recipients; nothing scheduled yet. */
    DRAFT,
    /** Recipients are being scheduled and sent. */
    RUNNING,
    /** Stopped for now; what was still scheduled was taken back and waits for resume. */
    PAUSED,
    /** Every recipient reached a final status. */
    COMPLETED,
    /** Stopped for good; nothing more is sent. */
    CANCELED;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
