package dev.threadline.messaging.intake;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A provider's webhook request, verified and stored before it is acknowledged.
 *
 * @param id our id of the request
 * @param source which handler processes it, e.g. {@code twilio.sms}
 * @param fields what the provider sent: form fields, or the raw body under one name
 * @param receivedAt when it was accepted
 */
public record IntakeRequest(String tenantId, String id, String source, Map<String, String> fields, Instant receivedAt) {
    public IntakeRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receivedAt, "receivedAt");
        fields = Map.copyOf(fields);
    }
}
