package dev.threadline.messaging.sendgrid.internal;

/**
 * One inbound mail's text taken apart: nothing is thrown away, every part is kept.
 *
 * @param reply the customer's own visible words (inline answers between quotes included); blank when none
 * @param quoted the quoted earlier mail(s) and any forwarded mail, with their headers; blank when none
 * @param signature the customer's signature ({@code -- } block, "Sent from my …"); blank when none
 */
public record ExtractedReply(String reply, String quoted, String signature) {
}
