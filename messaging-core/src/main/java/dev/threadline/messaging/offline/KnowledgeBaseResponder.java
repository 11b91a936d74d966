package dev.threadline.messaging.offline;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.spi.AiReply;
import dev.threadline.messaging.spi.AiRequest;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.ToolRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers from a {@link KnowledgeBase} with no network: services and prices, hours, providers, FAQs,
 * and (when the host registered a {@code check_availability} tool) open slots. When it does not know,
 * it says so honestly and promises a team member's follow-up. SMS replies stay short; email replies get
 * a greeting and a sign-off.
 */
public final class KnowledgeBaseResponder implements AiResponder {

    /** Name of the host tool consulted for booking requests, when registered. */
    public static final String AVAILABILITY_TOOL = "check_availability";
    private static final int SMS_LIMIT = 320;

    private final KnowledgeBase kb;

    public KnowledgeBaseResponder(KnowledgeBase knowledgeBase) {
        this.kb = Objects.requireNonNull(knowledgeBase, "knowledgeBase");
    }

    @Override
    public AiReply respond(AiRequest request) {
        String text = Intents.lastFromCustomer(request.history()).map(Message::body).orElse("");
        String lower = Intents.lower(text);
        List<String> parts = new ArrayList<>();
        Optional<KnowledgeBase.Service> service = mentionedService(lower);

        if (Intents.wantsBooking(lower) && service.isPresent()) {
            parts.add(availability(request, service.get()));
        } else if (service.isPresent()) {
            KnowledgeBase.Service s = service.get();
            parts.add(s.name() + " is " + s.price() + " and takes about " + s.duration() + ". " + s.description());
            parts.add("Would you like me to check availability?");
        } else if (Intents.wantsBooking(lower)) {
            parts.add("I'd be happy to help you book. Which treatment are you interested in? We offer "
                    + serviceNames() + ".");
        } else if (Intents.asksPrice(lower)) {
            parts.add("Our prices: " + kb.services().stream().map(s -> s.name() + " " + s.price())
                    .collect(Collectors.joining(", ")) + ".");
        }
        if (Intents.asksHours(lower)) {
            parts.add("Our hours are " + String.join(", ", kb.hours()) + ".");
        }
        if (Intents.asksProviders(lower) && !kb.providers().isEmpty()) {
            parts.add("Our providers are " + String.join(", ", kb.providers()) + ".");
        }
        matchingFaq(lower).ifPresent(faq -> parts.add(faq.answer()));
        if (parts.isEmpty()) {
            parts.add(Intents.substantiveSentences(text).isEmpty()
                    ? "Thanks for contacting " + kb.businessName() + "! How can I help you today?"
                    : "Thanks for your message! I don't have an answer to that right now, so a team member will follow up with you shortly.");
        }
        return new AiReply(styled(request.conversation(), String.join(" ", parts)));
    }

    private String availability(AiRequest request, KnowledgeBase.Service service) {
        boolean hasTool = request.tools().stream().anyMatch(t -> t.name().equals(AVAILABILITY_TOOL));
        if (!hasTool) {
            return "I'd be happy to help you book " + service.name() + " (" + service.price() + ", " + service.duration()
                    + "). A team member will confirm a time with you shortly.";
        }
        String arguments = "{\"service\":\"" + service.name().replace("\"", "") + "\"}";
        ToolRunner.ToolResult result = request.toolRunner().run("offline-" + System.nanoTime(), AVAILABILITY_TOOL, arguments);
        if (result.error()) {
            return "I'd be happy to help you book " + service.name() + ". A team member will confirm a time with you shortly.";
        }
        return "Here is our availability for " + service.name() + ": " + result.content() + ". Which time works for you?";
    }

    private Optional<KnowledgeBase.Service> mentionedService(String lower) {
        return kb.services().stream()
                .filter(s -> lower.contains(s.name().toLowerCase(Locale.ROOT))
                        || s.aliases().stream().anyMatch(a -> lower.contains(a.toLowerCase(Locale.ROOT))))
                .findFirst();
    }

    private Optional<KnowledgeBase.Faq> matchingFaq(String lower) {
        return kb.faqs().stream()
                .filter(f -> f.keywords().stream().anyMatch(k -> List.of(k.toLowerCase(Locale.ROOT).split("\\s+")).stream().allMatch(lower::contains)))
                .findFirst();
    }

    private String serviceNames() {
        return kb.services().stream().map(KnowledgeBase.Service::name).collect(Collectors.joining(", "));
    }

    private String styled(Conversation conversation, String body) {
        if (conversation.channel().equals(ChannelId.EMAIL)) {
            String name = conversation.customerName() == null ? "there" : conversation.customerName().split("\\s+")[0];
            return "Hi " + name + ",\n\n" + body + "\n\nBest regards,\n" + kb.businessName();
        }
        if (conversation.channel().equals(ChannelId.SMS) || conversation.channel().equals(ChannelId.WHATSAPP)) {
            return body.length() <= SMS_LIMIT ? body : body.substring(0, SMS_LIMIT - 1).strip() + "…";
        }
        return body;
    }
}
