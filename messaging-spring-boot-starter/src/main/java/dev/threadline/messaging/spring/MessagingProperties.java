package dev.threadline.messaging.spring;

import dev.threadline.messaging.AiMode;
import dev.threadline.messaging.consent.ConsentPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * Everything the starter binds under messaging.*. Every group has working defaults, so an app with
 * no properties at all runs on the in-memory store, the simulator channels and the offline responder.
 *
 * @param api the admin HTTP API
 * @param security admin API keys
 * @param defaultTenant tenant of webhooks whose receiving address has no mapping in tenants
 * @param defaultRegion ISO region for phone numbers written without a country code
 * @param tenants per-tenant settings: receiving addresses (webhook routing) and AI mode overrides
 * @param inboxes inboxes by id, kept as configured at every start: the receiving addresses routed to each
 * @param webhooks provider webhook handling
 * @param twilio Twilio SMS/WhatsApp; present when account-sid and auth-token are set
 * @param sendgrid SendGrid email; present when api-key is set
 * @param openai OpenAI-compatible AI; present when api-key (or env OPENAI_API_KEY) is set
 * @param ai what happens after an inbound message
 * @param delivery background delivery workers
 * @param rateLimit per-tenant limit on admin routes that send messages
 * @param maxBodySize largest request body accepted by the admin routes
 * @param simulator the stand-in channels used when no provider serves sms or email
 * @param jpa the durable store, used when messaging-jpa and a DataSource are present
 * @param springAi the Spring AI chat memory adapter, used when Spring AI is on the classpath
 * @param consent opt-out keywords and requests to stop in plain words
 * @param publicRoutes the unauthenticated public routes (a website's contact form), bound as messaging.public.*
 * @param aiLoopGuard how many automatic AI replies may follow each other without a person's turn
 */
@ConfigurationProperties("messaging")
public record MessagingProperties(
        @DefaultValue Api api,
        @DefaultValue Security security,
        @DefaultValue("default") String defaultTenant,
        @DefaultValue("US") String defaultRegion,
        @Nullable Map<String, Tenant> tenants,
        @Nullable Map<String, Inbox> inboxes,
        @DefaultValue Webhooks webhooks,
        @DefaultValue Twilio twilio,
        @DefaultValue SendGrid sendgrid,
        @DefaultValue OpenAi openai,
        @DefaultValue Ai ai,
        @DefaultValue Delivery delivery,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue Simulator simulator,
        @DefaultValue Jpa jpa,
        @DefaultValue SpringAi springAi,
        @DefaultValue Consent consent,
        @DefaultValue AiLoopGuard aiLoopGuard,
        @Name("public") @DefaultValue PublicRoutes publicRoutes) {

    public MessagingProperties {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
        inboxes = inboxes == null ? Map.of() : Map.copyOf(inboxes);
    }

    /**
     * The admin HTTP API.
     *
     * @param basePath base of the admin routes
     * @param enabled whether the admin routes, webhooks and stream are served at all
     * @param streamHeartbeat interval of SSE comment lines that keep idle connections open
     * @param streamTimeout longest an SSE connection stays open; clients reconnect after it
     */
    public record Api(
            @DefaultValue("/api/admin/messaging") String basePath,
            @DefaultValue("true") boolean enabled,
            @DefaultValue("15s") Duration streamHeartbeat,
            @DefaultValue("30m") Duration streamTimeout) {
    }

    /**
     * @param apiKeys admin API key → the tenant it acts for. Keys with characters other than letters,
     *        digits and - need the bracket form: messaging.security.api-keys.[k.e.y]=acme
     */
    public record Security(@Nullable Map<String, String> apiKeys) {
        public Security {
            apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
        }
    }

    /**
     * Settings of one tenant.
     *
     * @param addresses our numbers and email addresses that belong to this tenant; webhooks to them are
     *        stored under this tenant
     * @param ai AI mode overrides for this tenant
     */
    public record Tenant(@Nullable List<String> addresses, @Nullable Ai ai) {
        public Tenant {
            addresses = addresses == null ? List.of() : List.copyOf(addresses);
        }
    }

    /**
     * The public contact route.
     *
     * @param enabled whether POST /api/public/messaging/{tenant}/contact is served
     * @param rateLimit posts one client address may make per minute
     * @param maxBody largest body accepted
     */
    public record PublicRoutes(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5") int rateLimit,
            @DefaultValue("32KB") DataSize maxBody) {
    }

    /**
     * One inbox, as configuration defines it (staff and members are managed through the API).
     *
     * @param tenant the tenant it belongs to; unset: messaging.default-tenant
     * @param name shown to staff; unset: the inbox's id
     * @param addresses our numbers and email addresses whose new conversations open in this inbox
     * @param aiMode the AI mode of its conversations (auto, draft, off); unset: the tenant's
     */
    public record Inbox(@Nullable String tenant, @Nullable String name, @Nullable List<String> addresses,
                        @Nullable AiMode aiMode) {
        public Inbox {
            addresses = addresses == null ? List.of() : List.copyOf(addresses);
        }
    }

    /**
     * @param verifySignatures only an explicit false turns provider signature checks off
     * @param maxBodySize largest webhook body accepted; inbound mail with attachments can be large (raise
     *        spring.servlet.multipart.max-file-size and max-request-size to match)
     * @param workers threads that process stored webhook requests (inbound messages) right after they were acknowledged
     * @param lease how long a worker's claim on a stored request lasts; after a crash, its requests are processed
     *        once this has passed (processing again is safe: a provider's message id is stored once)
     */
    public record Webhooks(@DefaultValue("true") boolean verifySignatures, @DefaultValue("30MB") DataSize maxBodySize,
                           @DefaultValue("2") int workers, @DefaultValue("30s") Duration lease) {
    }

    /**
     * @param accountSid Twilio account SID
     * @param authToken Twilio auth token; also the key of webhook signatures
     * @param fromNumber our SMS number (E.164)
     * @param whatsappFromNumber our WhatsApp sender (E.164, without the whatsapp: prefix); unset, no WhatsApp channel
     * @param publicBaseUrl the URL Twilio calls (e.g. https://app.example.com), for signatures and status callbacks
     * @param apiBaseUrl REST endpoint (proxies, tests)
     * @param connectTimeout TCP connect timeout of REST calls
     * @param readTimeout response timeout of REST calls
     * @param pacing how fast each sending number sends
     */
    public record Twilio(
            @Nullable String accountSid,
            @Nullable String authToken,
            @Nullable String fromNumber,
            @Nullable String whatsappFromNumber,
            @Nullable String publicBaseUrl,
            @DefaultValue("https://api.twilio.com") String apiBaseUrl,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("15s") Duration readTimeout,
            @DefaultValue Pacing pacing) {

        /**
         * Sending rates in SMS segments per second (a WhatsApp message counts as one). A long code sends about
         * one per second; toll-free numbers and short codes send more, so list them.
         *
         * @param defaultSegmentsPerSecond rate of every sending number not listed
         * @param segmentsPerSecond rates by E.164 sending number; the + needs the bracket form:
         *        messaging.twilio.pacing.segments-per-second.[+18005550100]=3
         * @param maxWait longest a send waits for its number's slot; a longer wait is retried later instead
         */
        public record Pacing(@DefaultValue("1") double defaultSegmentsPerSecond, @Nullable Map<String, Double> segmentsPerSecond,
                             @DefaultValue("60s") Duration maxWait) {
            public Pacing {
                segmentsPerSecond = segmentsPerSecond == null ? Map.of() : Map.copyOf(segmentsPerSecond);
            }
        }
    }

    /**
     * @param apiKey SendGrid API key
     * @param fromEmail our sender address
     * @param fromName display name of the sender
     * @param replyTo where customer replies go (an Inbound Parse address), when not from-email
     * @param apiBaseUrl REST endpoint (proxies, tests)
     * @param webhookPublicKey base64 ECDSA public key of the signed Event Webhook
     * @param webhookTolerance oldest accepted Event Webhook timestamp
     * @param inboundToken when set, the Inbound Parse route requires it as the token query parameter
     * @param connectTimeout TCP connect timeout of REST calls
     * @param readTimeout response timeout of REST calls
     * @param attachments where inbound mail attachments are stored, and how large they may be
     */
    public record SendGrid(
            @Nullable String apiKey,
            @Nullable String fromEmail,
            @Nullable String fromName,
            @Nullable String replyTo,
            @DefaultValue("https://api.sendgrid.com") String apiBaseUrl,
            @Nullable String webhookPublicKey,
            @DefaultValue("10m") Duration webhookTolerance,
            @Nullable String inboundToken,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("15s") Duration readTimeout,
            @DefaultValue Attachments attachments) {

        /**
         * @param directory directory of the local attachment store; unset (and no AttachmentStore bean), attachments
         *        are only described in the message's metadata
         * @param maxSize largest attachment stored; a larger one is refused and listed with payload_too_large
         * @param maxMessageSize most attachment bytes stored for one mail
         */
        public record Attachments(@Nullable Path directory, @DefaultValue("10MB") DataSize maxSize,
                                  @DefaultValue("30MB") DataSize maxMessageSize) {
        }
    }

    /**
     * @param apiKey API key; unset, env OPENAI_API_KEY is used
     * @param baseUrl any OpenAI-compatible server; unset, env OPENAI_BASE_URL, else https://api.openai.com/v1
     * @param model chat model id
     * @param timeout per-request timeout
     * @param maxRetries retries of a failed request
     * @param temperature sampling temperature; unset leaves it to the server
     * @param persona the business's voice and facts, the start of every system prompt
     * @param offlineFallback when a KnowledgeBase bean exists, answer from it while the AI provider is unavailable
     */
    public record OpenAi(
            @Nullable String apiKey,
            @Nullable String baseUrl,
            @Nullable String model,
            @DefaultValue("30s") Duration timeout,
            @DefaultValue("2") int maxRetries,
            @Nullable Double temperature,
            @Nullable String persona,
            @DefaultValue("true") boolean offlineFallback) {
    }

    /**
     * AI mode: auto sends the AI reply, draft holds it for staff approval, off
     * leaves replying to staff.
     *
     * @param mode the mode; unset inherits (tenant → global → auto)
     * @param channels per-channel overrides, e.g. messaging.ai.channels.email=draft
     */
    public record Ai(@Nullable AiMode mode, @Nullable Map<String, AiMode> channels) {
        public Ai {
            channels = channels == null ? Map.of() : Map.copyOf(channels);
        }
    }

    /**
     * Consent to be messaged, for every tenant. The carriers' keywords and those of the FCC's 2025
     * revocation rule (STOP, STOP ALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPT OUT) always opt out.
     *
     * @param optOutKeywords more whole-message opt-out keywords, e.g. another language's (ALTO, PARAR)
     * @param stopRequests what a request to stop in plain words does: opt-out-and-notify-staff opts out at
     *        once and flags the conversation; hold-for-staff only flags it for staff to confirm
     */
    public record Consent(@Nullable List<String> optOutKeywords,
                          @DefaultValue("opt-out-and-notify-staff") ConsentPolicy.StopRequestHandling stopRequests) {
        public Consent {
            optOutKeywords = optOutKeywords == null ? List.of() : List.copyOf(optOutKeywords);
        }

        /** The policy these settings describe. */
        public ConsentPolicy policy() {
            return ConsentPolicy.DEFAULT.withAdditionalOptOutKeywords(Set.copyOf(optOutKeywords)).withStopRequests(stopRequests);
        }
    }

    /**
     * @param maxReplies automatic AI replies allowed in a row without a customer turn a person wrote; then
     *        the conversation is flagged for staff
     * @param window how far back those replies count
     */
    public record AiLoopGuard(@DefaultValue("3") int maxReplies, @DefaultValue("1h") Duration window) {
    }

    /**
     * @param enabled whether this instance runs delivery workers
     * @param workers background delivery threads
     * @param pollInterval how often idle workers look for due messages
     * @param lease how long a claim on a message lasts before another worker may take it
     * @param batchSize messages a worker claims at once
     * @param inDoubtGrace how long, after the lease of a worker that stopped mid-send, a message waits for a status
     *        callback to confirm it before it is looked up at the provider or sent again
     */
    public record Delivery(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2") int workers,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("20") int batchSize,
            @DefaultValue("1m") Duration inDoubtGrace) {
    }

    /**
     * A token bucket per tenant over the routes that send messages (/send, reply,
     * approve, generate-response).
     *
     * @param enabled whether the limit applies
     * @param requests requests a tenant may make per period (also the burst size)
     * @param period the refill period
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("60") int requests,
            @DefaultValue("1m") Duration period) {
    }

    /**
     * @param enabled whether simulators stand in for sms and email when no provider serves them
     * @param deliveryDelay how long after a simulated send the message reports delivered
     */
    public record Simulator(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("500ms") Duration deliveryDelay) {
    }

    /**
     * @param enabled whether the JPA store replaces the in-memory one when messaging-jpa and a DataSource are present
     * @param listenNotify whether events cross app instances over PostgreSQL LISTEN/NOTIFY when the
     *        DataSource is PostgreSQL
     */
    public record Jpa(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean listenNotify) {
    }

    /**
     * @param chatMemory whether Threadline conversations serve as Spring AI's ChatMemoryRepository
     * @param tenant the tenant whose conversations the repository reads and writes; unset, default-tenant
     * @param memoryWindow most messages a memory read returns (the newest); the full history stays stored
     */
    public record SpringAi(@DefaultValue("true") boolean chatMemory, @Nullable String tenant,
                           @DefaultValue("20") int memoryWindow) {
    }
}
