package dev.threadline.messaging.offline;

import java.util.List;
import java.util.Objects;

/**
 * What a business knows about itself, for the offline responder: name, hours, services with prices,
 * who provides them, and answers to common questions.
 */
public record KnowledgeBase(String businessName, List<String> hours, List<Service> services, List<String> providers,
                            List<Faq> faqs) {

    public KnowledgeBase {
        Objects.requireNonNull(businessName, "businessName");
        hours = List.copyOf(hours);
        services = List.copyOf(services);
        providers = List.copyOf(providers);
        faqs = List.copyOf(faqs);
    }

    /**
     * A service offered.
     *
     * @param aliases other words customers use for it (e.g. "tox" for Botox)
     */
    public record Service(String name, String price, String duration, String description, List<String> aliases) {
        public Service {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(description, "description");
            aliases = List.copyOf(aliases);
        }
    }

    /**
     * A question and its answer, matched when the customer's message contains all words of any one keyword phrase.
     */
    public record Faq(String question, String answer, List<String> keywords) {
        public Faq {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(answer, "answer");
            keywords = List.copyOf(keywords);
        }
    }
}
