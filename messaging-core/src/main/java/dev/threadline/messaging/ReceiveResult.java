package dev.threadline.messaging;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Outcome of {@link MessageManager#receive}.
 *
 * @param duplicate the provider id was seen before: nothing new was stored and no reply was generated
 * @param aiReply the generated reply (queued or draft), when one was generated
 * @param aiError why the AI reply failed, when it did; the inbound message is stored regardless. Set
 *        together with {@code aiReply} when a fallback responder answered in place of the failed provider
 *        (the reply's {@link Message#META_AI_FALLBACK} is {@code "true"} then)
 */
public record ReceiveResult(Conversation conversation, Message message, boolean duplicate,
                           @Nullable Message aiReply, @Nullable MessagingException aiError) {
    public ReceiveResult {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(message, "message");
    }
}
