package dev.threadline.messaging.automation.campaign;

import dev.threadline.messaging.Contact;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.MessagingEvent;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.OutboundMessage;
import dev.threadline.messaging.automation.template.MessageTemplate;
import dev.threadline.messaging.automation.template.RenderedMessage;
import dev.threadline.messaging.automation.template.Templates;
import dev.threadline.messaging.automation.template.Variables;
import dev.threadline.messaging.spi.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a template to many recipients through {@link MessageManager#send}, each message scheduled in the
 * outbox. Compliance is built into scheduling: opted-out contacts are skipped, the tenant's rate limit is
 * met by spreading send times (never by waiting), and marketing messages that would land in the
 * recipient's quiet hours are scheduled for the next allowed time.
 *
 * <p>Recipient statuses follow the messages' {@code message.status} events ({@link #onEvent}); a reply in
 * the conversation is marked on the recipient, and {@link #campaignOf} tells which campaign last wrote to
 * a conversation. Every campaign message carries the metadata {@value #CAMPAIGN_ID}.
 */
public final class Campaigns {

    /** Metadata key on every campaign message: the campaign's id. */
    public static final String CAMPAIGN_ID = "campaign_id";

    private static final Logger log = LoggerFactory.getLogger(Campaigns.class);
    /** How long another run's plan for a recipient is left to it: far longer than planning and sending one message takes. */
    private static final Duration PLAN_TAKEN_OVER_AFTER = Duration.ofMinutes(1);

    private final MessageManager manager;
    private final Templates templates;
    private final CampaignStore store;
    private final CampaignSettings settings;
    private final Clock clock;
    private final IdGenerator ids;
    private final AudienceResolver audience;
    private final SendSlots slots;
    private final RecipientStatuses statuses;

    public Campaigns(MessageManager manager, Templates templates, CampaignStore store, ContactProfileStore profiles,
                     SendSlots slots, CampaignSettings settings, Clock clock, IdGenerator ids) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.audience = new AudienceResolver(manager, Objects.requireNonNull(profiles, "profiles"),
                new ContactAddresses(manager));
        this.slots = Objects.requireNonNull(slots, "slots");
        this.statuses = new RecipientStatuses(manager, store, clock);
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Creates a draft campaign with its recipients resolved and its template rendered for each of them,
     * so a missing variable is reported now, before anything is stored or sent.
     *
     * @throws NonRetriableMessagingException {@code not_found} for an unknown template; {@code validation_failed}
     *         for a template without text for the channel, a missing variable ({@code variables.<path>}), a bad
     *         recipient address ({@code recipients.address}) or a segment matching nobody ({@code segment})
     */
    public synchronized Campaign create(CampaignRequest request) {
        MessageTemplate template = templates.get(request.tenantId(), request.templateName());
        template.variant(request.channel());
        Instant now = clock.instant();
        Campaign campaign = new Campaign(ids.newId(), request.tenantId(), request.name(), request.templateName(), request.channel(),
                request.marketing(), request.variables(), request.defaultZone(),
                request.quietHours() != null ? request.quietHours() : settings.quietHours(), request.ourAddress(),
                CampaignStatus.DRAFT, now, now);
        List<AudienceResolver.Member> members = request.recipients() != null
                ? audience.explicit(request.tenantId(), request.channel(), request.recipients(), request.defaultZone())
                : audience.segment(request.tenantId(), request.channel(), Objects.requireNonNull(request.segment()), request.defaultZone());
        List<CampaignRecipient> recipients = members.stream()
                .map(m -> new CampaignRecipient(campaign.id(), campaign.tenantId(), m.contactId(), m.name(), m.address(), m.zone(),
                        m.zoneSource(),                        m.variables(), RecipientStatus.PENDING, null, null, null, null, null, now))
                .toList();
        recipients.forEach(r -> render(template, campaign, r));
        store.saveCampaign(campaign);
        recipients.forEach(store::saveRecipient);
        log.info("Campaign {} created for tenant {} with {} recipients", campaign.id(), campaign.tenantId(), recipients.size());
        return campaign;
    }

    /**
     * Starts a draft campaign: every recipient is checked and scheduled now.
     *
     * @throws NonRetriableMessagingException {@code not_found}, {@code conflict} when it is not a draft, or
     *         {@code validation_failed} when the template changed and a variable is now missing (nothing is sent then)
     */
    public synchronized Campaign start(String tenantId, String campaignId) {
        return run(tenantId, campaignId, CampaignStatus.DRAFT, "started");
    }

    /**
     * Pauses a running campaign: messages still waiting in the outbox are taken back (their recipients are
     * pending again); messages a worker already holds go out.
     *
     * @throws NonRetriableMessagingException {@code not_found}, or {@code conflict} when it is not running
     */
    public synchronized Campaign pause(String tenantId, String campaignId) {
        Campaign campaign = require(tenantId, campaignId);
        requireStatus(campaign, CampaignStatus.RUNNING, "paused");
        Campaign paused = statuses.saveStatus(campaign, CampaignStatus.PAUSED);
        unschedule(paused, r -> r.pending(clock.instant()));
        return paused;
    }

    /**
     * Resumes a paused campaign, scheduling its pending recipients from now.
     *
     * @throws NonRetriableMessagingException {@code not_found}, or {@code conflict} when it is not paused
     */
    public synchronized Campaign resume(String tenantId, String campaignId) {
        return run(tenantId, campaignId, CampaignStatus.PAUSED, "resumed");
    }

    /**
     * Carries on every running campaign that still has pending recipients, for all tenants: what an app does after a
     * restart (a crash mid-start leaves such campaigns) and from time to time, since another instance may have
     * stopped mid-way. Safe to run on every instance at once: each recipient's message is planned once in the store,
     * and sending it again with the planned id queues nothing.
     *
     * @return how many recipients were pending
     */
    public synchronized int resumeInterrupted() {
        int pendingTotal = 0;
        for (Campaign campaign : store.campaignsIn(CampaignStatus.RUNNING)) {
            // One read of the recipients serves the catch-up (scheduled ones) and the carrying on (pending ones).
            List<CampaignRecipient> recipients = store.recipients(campaign.tenantId(), campaign.id());
            statuses.catchUp(campaign, recipients);
            List<CampaignRecipient> pending = recipients.stream().filter(r -> r.status() == RecipientStatus.PENDING).toList();
            if (pending.isEmpty()) {
                statuses.completeIfDone(campaign);
                continue;
            }
            pendingTotal += pending.size();
            log.info("Campaign {} of tenant {} carries on with {} pending recipients", campaign.id(), campaign.tenantId(), pending.size());
            try {
                MessageTemplate template = templates.get(campaign.tenantId(), campaign.templateName());
                pending.forEach(r -> schedule(campaign, template, r));
                statuses.completeIfDone(campaign);
            } catch (MessagingException e) {
                // One campaign that cannot go on (its template deleted, the store down) must not hold up the others.
                log.warn("Campaign {} of tenant {} could not carry on: {}", campaign.id(), campaign.tenantId(), e.getMessage());
            }
        }
        return pendingTotal;
    }

    /** Renders for every pending recipient first (so a missing variable sends nothing), then schedules them. */
    private Campaign run(String tenantId, String campaignId, CampaignStatus expected, String action) {
        Campaign campaign = require(tenantId, campaignId);
        requireStatus(campaign, expected, action);
        MessageTemplate template = templates.get(tenantId, campaign.templateName());
        List<CampaignRecipient> pending = recipientsIn(campaign, RecipientStatus.PENDING);
        pending.forEach(r -> render(template, campaign, r));
        Campaign running = statuses.saveStatus(campaign, CampaignStatus.RUNNING);
        pending.forEach(r -> schedule(running, template, r));
        return statuses.completeIfDone(running);
    }

    /**
     * Cancels the campaign for good: waiting messages are taken back and pending recipients dropped.
     *
     * @throws NonRetriableMessagingException {@code not_found}, or {@code conflict} when it completed or was canceled
     */
    public synchronized Campaign cancel(String tenantId, String campaignId) {
        Campaign campaign = require(tenantId, campaignId);
        if (campaign.status() == CampaignStatus.COMPLETED || campaign.status() == CampaignStatus.CANCELED) {
            throw NonRetriableMessagingException.conflict("campaign " + campaignId + " is " + campaign.status().wireName());
        }
        Campaign canceled = statuses.saveStatus(campaign, CampaignStatus.CANCELED);
        unschedule(canceled, r -> r.finished(RecipientStatus.CANCELED, "campaign_canceled", clock.instant()));
        recipientsIn(canceled, RecipientStatus.PENDING)
                .forEach(r -> store.saveRecipient(r.finished(RecipientStatus.CANCELED, "campaign_canceled", clock.instant())));
        return canceled;
    }

    // ------------------------------------------------------------------ reads

    /** @throws NonRetriableMessagingException {@code not_found} */
    public Campaign get(String tenantId, String campaignId) {
        return require(tenantId, campaignId);
    }

    /** The tenant's campaigns, newest first. */
    public List<Campaign> list(String tenantId) {
        return store.listCampaigns(tenantId);
    }

    /**
     * The campaign's recipients, optionally only those in {@code status}.
     *
     * @throws NonRetriableMessagingException {@code not_found}
     */
    public List<CampaignRecipient> recipients(String tenantId, String campaignId, @Nullable RecipientStatus status) {
        Campaign campaign = require(tenantId, campaignId);
        return status == null ? store.recipients(tenantId, campaign.id()) : recipientsIn(campaign, status);
    }

    /** @throws NonRetriableMessagingException {@code not_found} */
    public CampaignProgress progress(String tenantId, String campaignId) {
        return CampaignProgress.of(store.recipients(tenantId, require(tenantId, campaignId).id()));
    }

    /** The campaign that last wrote to the conversation, if any. */
    public Optional<Campaign> campaignOf(String tenantId, String conversationId) {
        return store.campaignOfConversation(tenantId, conversationId).flatMap(id -> store.findCampaign(tenantId, id));
    }

    // ------------------------------------------------------------------ events

    /**
     * Follows the campaign messages: {@code message.status} moves recipients to sent or failed, and a
     * customer message in a campaign's conversation marks the recipient as replied. Other events are ignored.
     * Events arrive on the threads that cause them (a request receiving a message, a delivery worker), and most are
     * about no campaign: that is found out first without the lock that serializes campaign changes, so those
     * threads do not queue behind each other; the lock is taken, and the recipient read again under it, only for a
     * campaign's message or conversation.
     */
    public void onEvent(MessagingEvent event) {
        if (event.messageId() == null || event.status() == null) {
            return;
        }
        if (MessagingEvent.MESSAGE_STATUS.equals(event.type())) {
            if (store.findRecipientByMessage(event.tenantId(), event.messageId()).isPresent()) {
                synchronized (this) {
                    store.findRecipientByMessage(event.tenantId(), event.messageId()).ifPresent(r -> statuses.apply(r, event.status()));
                }
            }
        } else if (MessagingEvent.MESSAGE_CREATED.equals(event.type()) && event.status() == DeliveryStatus.RECEIVED
                && store.campaignOfConversation(event.tenantId(), event.conversationId()).isPresent()) {
            synchronized (this) {
                statuses.markReplied(event.tenantId(), event.conversationId());
            }
        }
    }

    // ------------------------------------------------------------------ scheduling

    /**
     * Sends one pending recipient its message. The message's id is planned on the recipient first, in the store, and
     * the send carries it: a crash anywhere in between leaves a recipient that the next run sends with the same id,
     * which queues nothing new, so no recipient is texted twice and none is skipped.
     */
    private void schedule(Campaign campaign, MessageTemplate template, CampaignRecipient recipient) {
        Instant now = clock.instant();
        Contact contact = manager.findContact(campaign.tenantId(), recipient.contactId()).orElse(null);
        if (contact != null && contact.isOptedOut(campaign.channel())) {
            store.saveRecipient(recipient.finished(RecipientStatus.SKIPPED, ErrorCode.RECIPIENT_OPTED_OUT.wireName(), now));
            return;
        }
        RenderedMessage rendered = render(template, campaign, recipient);
        String ourId = ids.newId();
        Optional<CampaignRecipient> planned = store.planMessage(campaign.tenantId(), campaign.id(), recipient.contactId(), ourId, now);
        if (planned.isEmpty() || isAnotherRunsPlan(planned.get(), ourId, now)) {
            return; // Another run took this recipient further, or is sending it now.
        }
        String messageId = Objects.requireNonNull(planned.get().messageId());
        Function<Instant, Instant> allowed = campaign.marketing()
                ? at -> campaign.quietHours().nextAllowed(at, recipient.zone())
                : Function.identity();
        Instant sendAt = slots.reserve(campaign.tenantId(), now, allowed, settings.messagesPerMinute(campaign.tenantId()));
        Message message;
        try {
            message = manager.send(outbound(campaign, recipient, rendered, sendAt.isAfter(now) ? sendAt : null, messageId));
        } catch (NonRetriableMessagingException e) {
            slots.release(campaign.tenantId(), sendAt);
            boolean optedOut = e.code() == ErrorCode.RECIPIENT_OPTED_OUT;
            store.saveRecipient(planned.get().finished(optedOut ? RecipientStatus.SKIPPED : RecipientStatus.FAILED, e.code().wireName(), now));
            log.debug("Campaign {} recipient {} not sent: {}", campaign.id(), recipient.contactId(), e.code().wireName());
            return;
        }
        // Linked first: a crash before the recipient is recorded leaves it pending, and the next run links it again.
        store.linkConversation(campaign.tenantId(), message.conversationId(), campaign.id());
        store.saveRecipient(planned.get().scheduled(message.id(), message.conversationId(), sendAt, now));
        // A worker may have sent it before the recipient knew its message (or an earlier run's send went out): catch up.
        DeliveryStatus current = manager.getMessage(campaign.tenantId(), message.id()).status();
        if (current != DeliveryStatus.QUEUED && current != DeliveryStatus.SCHEDULED) {
            store.findRecipientByMessage(campaign.tenantId(), message.id()).ifPresent(r -> statuses.apply(r, current));
        }
    }

    /**
     * Whether another run planned the recipient's message a moment ago and is still about to send it. A plan older than
     * {@link #PLAN_TAKEN_OVER_AFTER} is a stopped run's, and this run sends it under the planned id.
     */
    private static boolean isAnotherRunsPlan(CampaignRecipient planned, String ourId, Instant now) {
        return !ourId.equals(planned.messageId()) && planned.updatedAt().isAfter(now.minus(PLAN_TAKEN_OVER_AFTER));
    }

    private OutboundMessage outbound(Campaign campaign, CampaignRecipient recipient, RenderedMessage rendered, @Nullable Instant sendAt,
                                     String messageId) {
        boolean email = recipient.hasEmailAddress();
        return OutboundMessage.builder(campaign.tenantId(), campaign.channel())
                .customerName(recipient.name())
                .customerPhone(email ? null : recipient.address())
                .customerEmail(email ? recipient.address() : null)
                .ourAddress(campaign.ourAddress())
                .subject(rendered.subject()).body(rendered.body())
                .sendAt(sendAt)
                .messageId(messageId)
                .metadata(Map.of(CAMPAIGN_ID, campaign.id(), "template", campaign.templateName()))
                .build();
    }

    /** Takes back the messages still waiting in the outbox: those of scheduled recipients and those planned by a run that stopped. */
    private void unschedule(Campaign campaign, Function<CampaignRecipient, CampaignRecipient> whenTakenBack) {
        for (CampaignRecipient recipient : store.recipients(campaign.tenantId(), campaign.id())) {
            boolean planned = recipient.status() == RecipientStatus.PENDING && recipient.messageId() != null;
            if (recipient.status() != RecipientStatus.SCHEDULED && !planned) {
                continue;
            }
            if (manager.cancelScheduled(campaign.tenantId(), Objects.requireNonNull(recipient.messageId()))) {
                if (recipient.sendAt() != null) {
                    slots.release(campaign.tenantId(), recipient.sendAt());
                }
                store.saveRecipient(whenTakenBack.apply(recipient));
            } else if (planned && manager.findMessage(campaign.tenantId(), recipient.messageId()).isEmpty()) {
                // The run stopped before the send: nothing to take back, only the plan.
                store.saveRecipient(whenTakenBack.apply(recipient));
            }
        }
    }

    private RenderedMessage render(MessageTemplate template, Campaign campaign, CampaignRecipient recipient) {
        boolean email = recipient.hasEmailAddress();
        // Shared variables are defaults (e.g. customer.name "there" for contacts without a name).
        Map<String, Object> variables = Variables.merge(campaign.variables(),
                Variables.customer(recipient.name(), email ? null : recipient.address(), email ? recipient.address() : null));
        try {
            return template.render(campaign.channel(), Variables.merge(variables, recipient.variables()));
        } catch (NonRetriableMessagingException e) {
            throw new NonRetriableMessagingException(e.code(), e.getMessage() + " for recipient " + recipient.address(), e.field());
        }
    }

    // ------------------------------------------------------------------ helpers

    private List<CampaignRecipient> recipientsIn(Campaign campaign, RecipientStatus status) {
        return store.recipients(campaign.tenantId(), campaign.id()).stream().filter(r -> r.status() == status).toList();
    }

    private Campaign require(String tenantId, String campaignId) {
        return store.findCampaign(tenantId, campaignId).orElseThrow(() -> NonRetriableMessagingException.notFound("campaign", campaignId));
    }

    private static void requireStatus(Campaign campaign, CampaignStatus expected, String action) {
        if (campaign.status() != expected) {
            throw NonRetriableMessagingException.conflict("campaign " + campaign.id() + " is " + campaign.status().wireName()
                    + " and cannot be " + action);
        }
    }
}
