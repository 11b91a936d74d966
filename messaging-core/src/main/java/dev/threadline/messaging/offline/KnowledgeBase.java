package dev.threadline.messaging.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a business knows about itself, for the offline responder: name, hours, services with prices,
 * who provides them, and answers to common questions. Build one with {@link #builder(String)}.
 *
 * @param tenantId the tenant this business is, or null for every tenant without a knowledge base of its own
 */
public record KnowledgeBase(@Nullable String tenantId, String businessName, List<String> hours, List<Service> services,
                            List<String> providers, List<Faq> faqs) {

    public KnowledgeBase {
        Objects.requireNonNull(businessName, "businessName");
        hours = List.copyOf(hours);
        services = List.copyOf(services);
        providers = List.copyOf(providers);
        faqs = List.copyOf(faqs);
    }

    /** A knowledge base for every tenant: a host that is one business. */
    public KnowledgeBase(String businessName, List<String> hours, List<Service> services, List<String> providers, List<Faq> faqs) {
        this(null, businessName, hours, services, providers, faqs);
    }

    /** Starts a knowledge base for the business called {@code businessName}. */
    public static Builder builder(String businessName) {
        return new Builder(businessName);
    }

    /**
     * A service offered.
     *
     * @param price    as a customer reads it: "$12 per unit", "from $650"
     * @param duration as a customer reads it: "30 minutes"
     * @param aliases  other words customers use for it (e.g. "tox" for Botox)
     */
    public record Service(String name, String price, String duration, String description, List<String> aliases) {
        public Service {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(description, "description");
            aliases = List.copyOf(aliases);
        }

        /** Starts a service called {@code name}; price, duration and description are required. */
        public static ServiceBuilder builder(String name) {
            return new ServiceBuilder(name);
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

    /** Builds a {@link KnowledgeBase} step by step, so no two strings in a row can be swapped. */
    public static final class Builder {
        private final String businessName;
        private @Nullable String tenantId;
        private final List<String> hours = new ArrayList<>();
        private final List<Service> services = new ArrayList<>();
        private final List<String> providers = new ArrayList<>();
        private final List<Faq> faqs = new ArrayList<>();

        private Builder(String businessName) {
            this.businessName = Objects.requireNonNull(businessName, "businessName");
        }

        /** Only this tenant's customers are answered from this knowledge base. */
        public Builder tenant(String value) {
            this.tenantId = Objects.requireNonNull(value, "tenant");
            return this;
        }

        /** Opening hours as a customer reads them, e.g. "Mon-Fri 9am-6pm"; one call per line. */
        public Builder hours(String value) {
            hours.add(Objects.requireNonNull(value, "hours"));
            return this;
        }

        public Builder service(Service value) {
            services.add(Objects.requireNonNull(value, "service"));
            return this;
        }

        /** Someone who provides the services, e.g. "Dr. Lee". */
        public Builder provider(String value) {
            providers.add(Objects.requireNonNull(value, "provider"));
            return this;
        }

        /** An answer given when the customer's message contains every word of one of the keyword phrases. */
        public Builder faq(String question, String answer, String... keywords) {
            faqs.add(new Faq(question, answer, List.of(keywords)));
            return this;
        }

        public KnowledgeBase build() {
            return new KnowledgeBase(tenantId, businessName, hours, services, providers, faqs);
        }
    }

    /** Builds a {@link Service} with named steps. */
    public static final class ServiceBuilder {
        private final String name;
        private @Nullable String price;
        private @Nullable String duration;
        private @Nullable String description;
        private final List<String> aliases = new ArrayList<>();

        private ServiceBuilder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** As a customer reads it: "$12 per unit", "from $650". */
        public ServiceBuilder price(String value) {
            this.price = value;
            return this;
        }

        /** As a customer reads it: "30 minutes". */
        public ServiceBuilder duration(String value) {
            this.duration = value;
            return this;
        }

        /** A sentence or two about what it does. */
        public ServiceBuilder description(String value) {
            this.description = value;
            return this;
        }

        /** Other words customers use for it, e.g. "tox" for Botox. */
        public ServiceBuilder aliases(String... values) {
            aliases.addAll(List.of(values));
            return this;
        }

        /**
         * @throws NullPointerException naming the missing step when price, duration or description was not given
         */
        public Service build() {
            return new Service(name, Objects.requireNonNull(price, "price"), Objects.requireNonNull(duration, "duration"),
                    Objects.requireNonNull(description, "description"), aliases);
        }
    }
}
