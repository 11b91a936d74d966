package dev.threadline.messaging;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a provider's status callback did to its message. Providers repeat callbacks and deliver them out of order;
 * a webhook handler needs to tell "applied" from "already past that status" (acknowledge and forget) from "no
 * such message yet" (the callback may have overtaken the send it reports on: try again later).
 *
 * @param outcome what happened
 * @param message the message after the callback ({@link Outcome#APPLIED}), as it stands
 *                ({@link Outcome#NOT_FORWARD}), or null ({@link Outcome#UNKNOWN})
 */
public record CallbackResult(Outcome outcome, @Nullable Message message) {

    /** The three things a status callback can do. */
    public enum Outcome {
        /** The status moved forward and was stored. */
        APPLIED,
        /** The message is at or past that status already; nothing changed. */
        NOT_FORWARD,
        /** No message has that id. */
        UNKNOWN
    }

    public CallbackResult {
        Objects.requireNonNull(outcome, "outcome");
        if ((message == null) != (outcome == Outcome.UNKNOWN)) {
            throw new IllegalArgumentException(outcome + " needs " + (message == null ? "a message" : "no message"));
        }
    }

    /** The callback moved {@code updated} forward. */
    public static CallbackResult applied(Message updated) {
        return new CallbackResult(Outcome.APPLIED, updated);
    }

    /** The callback changed nothing: {@code current} is at or past its status. */
    public static CallbackResult notForward(Message current) {
        return new CallbackResult(Outcome.NOT_FORWARD, current);
    }

    /** No message matched the callback. */
    public static CallbackResult unknown() {
        return new CallbackResult(Outcome.UNKNOWN, null);
    }

    /** Whether the status moved forward. */
    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }

    /** Whether a message matched the callback, whatever it changed. */
    public boolean known() {
        return outcome != Outcome.UNKNOWN;
    }
}
