package dev.threadline.messaging.offline;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.spi.AiReply;
import dev.threadline.messaging.spi.AiRequest;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.ToolRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Answers from a {@link KnowledgeBase} with no network: services and prices, hours, providers, FAQs,
 * and (when the host registered a {@code check_availability} tool) open slots. When it does not know,
 * it says so honestly and promises a team member's follow-up. SMS replies stay short; email replies get
 * a greeting and a sign-off.
 *
 * <p>Each tenant is answered from its own knowledge base ({@link KnowledgeBase#tenantId()}), else from the one
 * without a tenant; a tenant with neither gets a neutral promise of a follow-up, never another business's name.
 */
public final class KnowledgeBaseResponder implements AiResponder {

    /** Name of the host tool consulted for booking requests, when registered. */
    public static final String AVAILABILITY_TOOL = "check_availability";
    private static final int SMS_LIMIT = 320;

    private static final String NEUTRAL = "Thanks for your message! A team member will follow up with you shortly.";

    private final Map<String, KnowledgeBase> byTenant = new HashMap<>();
    private final @Nullable KnowledgeBase everyTenant;

    /** Answers from {@code knowledgeBase}: every tenant, or only its {@link KnowledgeBase#tenantId() tenant}. */
    public KnowledgeBaseResponder(KnowledgeBase knowledgeBase) {
        this(List.of(knowledgeBase));
    }

    /**
     * Answers each tenant from its own knowledge base, others from the one without a tenant if given.
     *
     * @throws IllegalArgumentException when two knowledge bases name the same tenant, or two name none
     */
    public KnowledgeBaseResponder(List<KnowledgeBase> knowledgeBases) {
        KnowledgeBase shared = null;
        for (KnowledgeBase kb : knowledgeBases) {
            if (kb.tenantId() == null) {
                if (shared != null) {
                    throw new IllegalArgumentException("two knowledge bases for every tenant: " + shared.businessName()
                            + " and " + kb.businessName());
                }
                shared = kb;
            } else if (byTenant.putIfAbsent(kb.tenantId(), kb) != null) {
                throw new IllegalArgumentException("two knowledge bases for tenant " + kb.tenantId());
            }
        }
        this.everyTenant = shared;
    }

    @Override
    public AiReply respond(AiRequest request) {
        KnowledgeBase kb = byTenant.getOrDefault(request.conversation().tenantId(), everyTenant);
        return new AiReply(kb == null ? NEUTRAL : new Answer(kb, request).text());
    }

    /** One reply from one business's knowledge base. */
    private record Answer(KnowledgeBase kb, AiRequest request) {

        String text() {
            String text = Intents.lastFromCustomer(request.history()).map(Message::body).orElse("");
            String lower = Intents.lower(text);
            List<String> parts = new ArrayList<>();
            Optional<KnowledgeBase.Service> service = mentionedService(lower);

            if (Intents.wantsBooking(lower) && service.isPresent()) {
                parts.add(availability(service.get()));
            } else if (service.isPresent()) {
                KnowledgeBase.Service s = service.get();
                // "Name: price, about duration." reads right whatever the price says ("from $650", "$12 per unit").
                parts.add(s.name() + ": " + s.price() + ", about " + s.duration() + ". " + sentence(s.description()));
                parts.add(hasAvailabilityTool() ? "Would you like me to check availability?"
                        : "Would you like to book? Tell me a day and time that suits you and a team member will confirm.");
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
            return styled(request.conversation(), String.join(" ", parts));
        }

        private boolean hasAvailabilityTool() {
            return request.tools().stream().anyMatch(t -> t.name().equals(AVAILABILITY_TOOL));
        }

        private String availability(KnowledgeBase.Service service) {
            if (!hasAvailabilityTool()) {
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

        private static String sentence(String text) {
            String trimmed = text.strip();
            return trimmed.isEmpty() || ".!?…".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0 ? trimmed : trimmed + ".";
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
}
