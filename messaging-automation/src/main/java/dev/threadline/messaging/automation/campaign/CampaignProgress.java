package dev.threadline.messaging.automation.campaign;

import java.util.Collection;

/** Recipient counts of a campaign by status, plus how many replied. */
public record CampaignProgress(int total, int pending, int scheduled, int sent, int skipped, int failed, int canceled,
                               int replied) {

    static CampaignProgress of(Collection<CampaignRecipient> recipients) {
        int[] counts = new int[RecipientStatus.values().length];
        int replied = 0;
        for (CampaignRecipient r : recipients) {
            counts[r.status().ordinal()]++;
            if (r.repliedAt() != null) {
                replied++;
            }
        }
        return new CampaignProgress(recipients.size(), counts[RecipientStatus.PENDING.ordinal()],
                counts[RecipientStatus.SCHEDULED.ordinal()], counts[RecipientStatus.SENT.ordinal()],
                counts[RecipientStatus.SKIPPED.ordinal()], counts[RecipientStatus.FAILED.ordinal()],
                counts[RecipientStatus.CANCELED.ordinal()], replied);
    }

    /** Whether every recipient reached a final status. */
    public boolean done() {
        return pending == 0 && scheduled == 0;
    }
}
