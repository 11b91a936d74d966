package dev.threadline.messaging;

/** What happens after an inbound message when a responder is configured. */
public enum AiMode {
    /** Generate the AI reply and send it at once. */
    AUTO,
    /** Generate the AI reply and hold it as a {@link DeliveryStatus#DRAFT} for staff to approve. */
    DRAFT,
    /** Leave replying to staff. */
    OFF
}
