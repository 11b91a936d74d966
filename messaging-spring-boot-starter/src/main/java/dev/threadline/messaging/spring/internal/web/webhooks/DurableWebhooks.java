package dev.threadline.messaging.spring.internal.web.webhooks;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.intake.WebhookIntake;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the webhook routes call before they answer: the request is stored in the intake, or the route
 * answers {@code 503 store_unavailable} so the provider sends it again. Nothing is acknowledged that is not stored.
 */
public final class DurableWebhooks {

    private static final Logger log = LoggerFactory.getLogger(DurableWebhooks.class);

    private final WebhookIntake intake;

    public DurableWebhooks(WebhookIntake intake) {
        this.intake = intake;
    }

    /**
     * Stores a verified request of {@code source} for processing right after.
     *
     * @throws RetriableMessagingException {@code store_unavailable} when it could not be stored
     */
    void store(String tenantId, String source, Map<String, String> fields) {
        try {
            intake.accept(tenantId, source, fields);
        } catch (RuntimeException e) {
            log.warn("A {} webhook of tenant {} could not be stored; answering 503 so the provider retries", source, tenantId, e);
            throw new RetriableMessagingException(ErrorCode.STORE_UNAVAILABLE,
                    "the request could not be stored; send it again", null, e);
        }
    }
}
