package dev.threadline.messaging.automation.template;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stores, renders and sends templates. A canned reply is rendered against the conversation (its
 * {@code customer.name}, {@code customer.phone}, {@code customer.email}) plus the variables staff give,
 * and goes out through {@link MessageManager#reply} like any staff reply.
 */
public final class Templates {

    private final TemplateStore store;
    private final MessageManager manager;

    public Templates(TemplateStore store, MessageManager manager) {
        this.store = Objects.requireNonNull(store, "store");
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    /** Stores the template, replacing one with the same name. */
    public MessageTemplate save(MessageTemplate template) {
        store.save(template);
        return template;
    }

    /** @throws NonRetriableMessagingException {@code not_found} */
    public MessageTemplate get(String tenantId, String name) {
        return store.find(tenantId, name).orElseThrow(() -> NonRetriableMessagingException.notFound("template", name));
    }

    /** The tenant's templates ordered by name. */
    public List<MessageTemplate> list(String tenantId) {
        return store.list(tenantId);
    }

    /** The tenant's canned staff replies ordered by name. */
    public List<MessageTemplate> cannedReplies(String tenantId) {
        return store.list(tenantId).stream().filter(t -> t.kind() == TemplateKind.CANNED_REPLY).toList();
    }

    /** @throws NonRetriableMessagingException {@code not_found} */
    public void delete(String tenantId, String name) {
        if (!store.delete(tenantId, name)) {
            throw NonRetriableMessagingException.notFound("template", name);
        }
    }

    /**
     * Renders a stored template.
     *
     * @throws NonRetriableMessagingException {@code not_found}, or {@code validation_failed} with field
     *         {@code variables.<path>} for a missing variable
     */
    public RenderedMessage render(String tenantId, String name, ChannelId channel, Map<String, ?> variables) {
        return get(tenantId, name).render(channel, variables);
    }

    /**
     * Sends a stored template as a staff reply in the conversation. Nothing is sent when a variable is missing.
     *
     * @param actor who replied, for the conversation's audit trail
     * @throws NonRetriableMessagingException as {@link #render} and {@link MessageManager#reply}
     */
    public Message reply(String tenantId, String conversationId, String name, Map<String, ?> variables, String actor) {
        MessageTemplate template = get(tenantId, name);
        Conversation conversation = manager.getConversation(tenantId, conversationId).conversation();
        Map<String, Object> all = Variables.merge(
                Variables.customer(conversation.customerName(), conversation.customerPhone(), conversation.customerEmail()), variables);
        RenderedMessage rendered = template.render(conversation.channel(), all);
        return manager.reply(tenantId, conversationId, rendered.body(), actor);
    }
}
