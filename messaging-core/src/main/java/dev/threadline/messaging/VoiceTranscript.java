package dev.threadline.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A finished phone call as text, stored as a {@code voice} conversation with one message per turn.
 *
 * @param callId the provider's call id; a repeated transcript of the same call is stored once
 */
public record VoiceTranscript(String tenantId, @Nullable String callId, @Nullable String customerName,
                              String customerPhone, @Nullable String ourAddress, List<Turn> turns) {

    public VoiceTranscript {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(customerPhone, "customerPhone");
        turns = List.copyOf(turns);
        if (turns.isEmpty()) {
            throw NonRetriableMessagingException.validation("turns", "a transcript needs at least one turn");
        }
    }

    /** One utterance: {@code speaker} is {@link Author#CUSTOMER} for the caller, else who answered. */
    public record Turn(Author speaker, String text, Instant at) {
        public Turn {
            Objects.requireNonNull(speaker, "speaker");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(at, "at");
        }
    }
}
