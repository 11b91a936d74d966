package dev.threadline.messaging.intake;

/**
 * Processes one stored request of a source, e.g. parses a Twilio message and hands it to the manager.
 * Processing must be idempotent: a request whose worker died mid-way is processed again (the manager
 * stores a provider's message id once). Throw to have the request retried later.
 */
@FunctionalInterface
public interface IntakeHandler {

    void process(IntakeRequest request);
}
