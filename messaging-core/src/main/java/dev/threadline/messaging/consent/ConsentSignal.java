package dev.threadline.messaging.consent;

/** What an inbound message says about the customer's consent to be messaged on its channel. */
public enum ConsentSignal {
    /** A whole-message opt-out keyword ({@code STOP}, {@code REVOKE}, {@code OPT OUT}, …). */
    OPT_OUT,
    /** A whole-message opt-in keyword ({@code START}, {@code UNSTOP}, …). */
    OPT_IN,
    /** A whole-message help keyword ({@code HELP}, {@code INFO}). */
    HELP,
    /** A request to stop written in plain words ("please stop texting me", "sácame de tu lista"). */
    STOP_REQUEST,
    /** Nothing about consent. */
    NONE
}
