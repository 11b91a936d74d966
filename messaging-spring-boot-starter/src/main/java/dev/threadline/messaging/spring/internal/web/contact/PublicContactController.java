package dev.threadline.messaging.spring.internal.web.contact;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ConversationContext;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spring.MessagingProperties;
import dev.threadline.messaging.spring.internal.web.support.Json;
import dev.threadline.messaging.spring.internal.web.support.JsonObject;
import dev.threadline.messaging.spring.internal.web.support.RateLimiter;
import dev.threadline.messaging.support.EmailAddresses;
import dev.threadline.messaging.support.PhoneNumbers;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/public/messaging/{tenant}/contact}: a website's "contact us" or "message the seller" form, form
 * encoded or JSON, without authentication. It opens or continues an email conversation (so staff replies reach the
 * customer by email, threaded) about the form's context, and reveals no ids. A filled honeypot field ({@code website})
 * is answered like any post and stored as spam; each client address may post {@code messaging.public.rate-limit}
 * times a minute.
 */
@RestController
public final class PublicContactController {

    /** The honeypot: a field people never see, so only robots fill it in. */
    private static final String HONEYPOT = "website";

    private final MessageManager manager;
    private final RateLimiter perClientAddress;
    private final Set<String> tenants = new HashSet<>();
    private final String defaultRegion;

    public PublicContactController(MessageManager manager, MessagingProperties properties, RateLimiter perClientAddress) {
        this.manager = manager;
        this.perClientAddress = perClientAddress;
        this.defaultRegion = properties.defaultRegion();
        tenants.add(properties.defaultTenant());
        tenants.addAll(properties.tenants().keySet());
        tenants.addAll(properties.security().apiKeys().values());
        properties.inboxes().values().stream().map(MessagingProperties.Inbox::tenant).filter(t -> t != null).forEach(tenants::add);
    }

    /** The response body of every accepted post, spam included. */
    record Received(String status) {
    }

    @PostMapping("/api/public/messaging/{tenant}/contact")
    ResponseEntity<byte[]> contact(@PathVariable String tenant, HttpServletRequest request)
            throws IOException, HttpMediaTypeNotSupportedException {
        if (!tenants.contains(tenant)) {
            throw NonRetriableMessagingException.notFound("tenant", tenant);
        }
        perClientAddress.acquire(request.getRemoteAddr());
        Function<String, @Nullable String> field = fields(request);
        // Checked here so that errors name the form's fields; the manager normalizes the same way.
        String email = EmailAddresses.normalize(required(field, "email"), "email");
        String phone = field.apply("phone");
        if (phone != null) {
            PhoneNumbers.toE164(phone, defaultRegion, "phone");
        }
        String content = required(field, "content");
        String contextType = field.apply("context_type");
        ConversationContext context = contextType == null && field.apply("context_id") == null ? null
                : new ConversationContext(contextType, field.apply("context_id"), field.apply("context_title"), field.apply("context_url"));
        String name = field.apply("name");
        manager.receive(InboundMessage.builder(tenant, ChannelId.EMAIL)
                .customerName(name != null ? name : email)
                .customerEmail(email)
                .customerPhone(phone)
                .subject(field.apply("subject") != null ? field.apply("subject") : context != null && context.title() != null
                        ? context.title() : "Website inquiry")
                .body(content)
                .inboxId(field.apply("inbox_id"))
                .context(context)
                .markedSpam(field.apply(HONEYPOT) != null)
                .build());
        return Json.response(HttpStatus.ACCEPTED, new Received("received"));
    }

    /** The post's fields, blank ones as absent: from a JSON object, or from the form. */
    private static Function<String, @Nullable String> fields(HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
        String contentType = request.getContentType();
        if (contentType != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(contentType))) {
            Map<String, String[]> form = request.getParameterMap();
            return name -> {
                String[] values = form.get(name);
                return values == null || values.length == 0 || values[0].isBlank() ? null : values[0].strip();
            };
        }
        JsonObject json = Json.object(contentType, request.getInputStream().readAllBytes());
        return json::optionalNonBlankString;
    }

    private static String required(Function<String, @Nullable String> field, String name) {
        String value = field.apply(name);
        if (value == null) {
            throw NonRetriableMessagingException.validation(name, name + " is required");
        }
        return value;
    }
}
