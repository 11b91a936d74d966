package dev.threadline.messaging.sendgrid.internal;

import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.Personalization;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.sendgrid.SendGridSettings;
import dev.threadline.messaging.spi.OutboundDelivery;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The v3 Mail Send payload of one outbound message. */
public final class MailPayloads {

    /** Custom arg carrying our message id; SendGrid echoes it on every Event Webhook event. */
    public static final String MESSAGE_ID_ARG = "threadline_message_id";
    /** Custom arg carrying the tenant, so an event finds its tenant without configuration. */
    public static final String TENANT_ID_ARG = "threadline_tenant_id";

    private static final String NO_SUBJECT = "(no subject)";

    private MailPayloads() {
    }

    /**
     * The mail for {@code delivery}: our {@code Message-ID}, and on replies {@code In-Reply-To} (the newest
     * earlier message) and {@code References} (all of them, oldest first), so mail clients thread it.
     */
    public static Mail mail(OutboundDelivery delivery, SendGridSettings settings) {
        Message message = delivery.message();
        Conversation conversation = delivery.conversation();
        String to = conversation.customerEmail();
        if (to == null || to.isBlank()) {
            throw NonRetriableMessagingException.validation("customer_email", "the conversation has no customer email");
        }
        Mail mail = new Mail();
        mail.setFrom(email(settings.fromEmail(), settings.fromName()));
        if (settings.replyTo() != null) {
            mail.setReplyTo(new Email(settings.replyTo()));
        }
        Personalization personalization = new Personalization();
        personalization.addTo(email(to, conversation.customerName()));
        mail.addPersonalization(personalization);
        mail.setSubject(subject(message, conversation));
        mail.addContent(new Content("text/plain", message.body()));
        mail.addContent(new Content("text/html", HtmlText.toHtml(message.body())));
        if (message.threadRef() != null) {
            mail.addHeader("Message-ID", message.threadRef());
        }
        List<String> earlier = delivery.earlierThreadRefs();
        if (!earlier.isEmpty()) {
            mail.addHeader("In-Reply-To", earlier.get(earlier.size() - 1));
            mail.addHeader("References", String.join(" ", earlier));
        }
        mail.addCustomArg(MESSAGE_ID_ARG, message.id());
        mail.addCustomArg(TENANT_ID_ARG, message.tenantId());
        return mail;
    }

    private static String subject(Message message, Conversation conversation) {
        if (message.subject() != null && !message.subject().isBlank()) {
            return message.subject();
        }
        if (conversation.subject() != null && !conversation.subject().isBlank()) {
            return conversation.subject();
        }
        return NO_SUBJECT;
    }

    private static Email email(String address, @Nullable String name) {
        return name == null || name.isBlank() ? new Email(address) : new Email(address, name);
    }
}
