package dev.threadline.messaging.spring.internal.web.automation;

import static dev.threadline.messaging.spring.internal.web.admin.Views.timestamp;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.ContactDetail;
import dev.threadline.messaging.ContactPage;
import dev.threadline.messaging.ContactSummary;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.automation.analytics.AnalyticsReport;
import dev.threadline.messaging.automation.analytics.ChannelStats;
import dev.threadline.messaging.automation.campaign.Campaign;
import dev.threadline.messaging.automation.campaign.CampaignProgress;
import dev.threadline.messaging.automation.campaign.CampaignRecipient;
import dev.threadline.messaging.automation.campaign.ContactProfile;
import dev.threadline.messaging.automation.campaign.QuietHours;
import dev.threadline.messaging.automation.notify.Digest;
import dev.threadline.messaging.automation.notify.StaffMember;
import dev.threadline.messaging.automation.notify.UnansweredConversation;
import dev.threadline.messaging.automation.schedule.ScheduledMessage;
import dev.threadline.messaging.automation.template.MessageTemplate;
import dev.threadline.messaging.automation.template.RenderedMessage;
import dev.threadline.messaging.automation.template.TemplateVariant;
import dev.threadline.messaging.spring.internal.web.admin.Views;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the automation routes (names become snake_case), kept apart from the module's records. */
final class AutomationViews {

    private AutomationViews() {
    }

    // ------------------------------------------------------------------ templates

    record VariantView(@Nullable String subject, String body) {
        static @Nullable VariantView of(@Nullable TemplateVariant v) {
            return v == null ? null : new VariantView(v.subject() == null ? null : v.subject().source(), v.body().source());
        }
    }

    record TemplateView(String name, String kind, Map<String, VariantView> variants, @Nullable VariantView fallback,
                        List<String> variables) {
        static TemplateView of(MessageTemplate t) {
            Map<String, VariantView> variants = new TreeMap<>();
            t.variants().forEach((channel, variant) -> variants.put(channel.value(), VariantView.of(variant)));
            return new TemplateView(t.name(), t.kind().wireName(), variants, VariantView.of(t.fallback()), List.copyOf(t.variables()));
        }
    }

    record TemplateOnly(TemplateView template) {
        static TemplateOnly of(MessageTemplate t) {
            return new TemplateOnly(TemplateView.of(t));
        }
    }

    record TemplateList(List<TemplateView> templates) {
        static TemplateList of(List<MessageTemplate> templates) {
            return new TemplateList(templates.stream().map(TemplateView::of).toList());
        }
    }

    record Rendered(@Nullable String subject, String body) {
        static Rendered of(RenderedMessage r) {
            return new Rendered(r.subject(), r.body());
        }
    }

    // ------------------------------------------------------------------ scheduled messages

    record Scheduled(String messageId, String conversationId, String sendAt, String status) {
        static Scheduled of(ScheduledMessage s) {
            return new Scheduled(s.messageId(), s.conversationId(), timestamp(s.sendAt()), s.status().wireName());
        }
    }

    // ------------------------------------------------------------------ campaigns

    record QuietHoursView(String allowedFrom, String allowedUntil) {
        static QuietHoursView of(QuietHours q) {
            return new QuietHoursView(q.allowedFrom().toString(), q.allowedUntil().toString());
        }
    }

    record CampaignView(String id, String name, String template, String channel, boolean marketing, String status,
                        String defaultTimeZone, QuietHoursView quietHours, String createdAt, String updatedAt) {
        static @Nullable CampaignView of(@Nullable Campaign c) {
            return c == null ? null : new CampaignView(c.id(), c.name(), c.templateName(), c.channel().value(), c.marketing(),
                    c.status().wireName(), c.defaultZone().getId(), QuietHoursView.of(c.quietHours()), timestamp(c.createdAt()),
                    timestamp(c.updatedAt()));
        }
    }

    record ProgressView(int total, int pending, int scheduled, int sent, int skipped, int failed, int canceled, int replied) {
        static ProgressView of(CampaignProgress p) {
            return new ProgressView(p.total(), p.pending(), p.scheduled(), p.sent(), p.skipped(), p.failed(), p.canceled(), p.replied());
        }
    }

    record CampaignWithProgress(CampaignView campaign, ProgressView progress) {
        static CampaignWithProgress of(Campaign c, CampaignProgress p) {
            return new CampaignWithProgress(CampaignView.of(c), ProgressView.of(p));
        }
    }

    record CampaignOnly(@Nullable CampaignView campaign) {
    }

    record CampaignList(List<CampaignView> campaigns) {
        static CampaignList of(List<Campaign> campaigns) {
            return new CampaignList(campaigns.stream().map(CampaignView::of).toList());
        }
    }

    record RecipientView(String contactId, @Nullable String name, String address, String timeZone, String timeZoneSource,
                         String status, @Nullable String reason, @Nullable String messageId, @Nullable String conversationId,
                         @Nullable String sendAt, @Nullable String repliedAt) {
        static RecipientView of(CampaignRecipient r) {
            return new RecipientView(r.contactId(), r.name(), r.address(), r.zone().getId(), r.zoneSource().wireName(),
                    r.status().wireName(), r.reason(),
                    r.messageId(), r.conversationId(), optionalTimestamp(r.sendAt()), optionalTimestamp(r.repliedAt()));
        }
    }

    record RecipientList(List<RecipientView> recipients) {
        static RecipientList of(List<CampaignRecipient> recipients) {
            return new RecipientList(recipients.stream().map(RecipientView::of).toList());
        }
    }

    record ProfileView(String contactId, List<String> tags, @Nullable String timeZone) {
        static ProfileView of(ContactProfile p) {
            return new ProfileView(p.contactId(), p.tags().stream().sorted().toList(), p.zone() == null ? null : p.zone().getId());
        }
    }

    // ------------------------------------------------------------------ contacts

    record ContactView(String id, @Nullable String name, @Nullable String phone, @Nullable String email, List<String> channels,
                       List<String> optedOut, List<String> tags, @Nullable String timeZone, @Nullable String lastActivityAt,
                       long conversationCount) {
        static ContactView of(ContactSummary summary, ContactProfile profile) {
            Contact c = summary.contact();
            return new ContactView(c.id(), c.name(), c.phone(), c.email(), wireNames(summary.channels()), wireNames(c.optedOutChannels()),
                    profile.tags().stream().sorted().toList(), profile.zone() == null ? null : profile.zone().getId(),
                    summary.lastActivityAt() == null ? null : timestamp(summary.lastActivityAt()), summary.conversationCount());
        }

        private static List<String> wireNames(Set<ChannelId> channels) {
            return channels.stream().map(ChannelId::value).sorted().toList();
        }
    }

    record ContactList(List<ContactView> contacts, @Nullable String nextCursor) {
        static ContactList of(ContactPage page, Function<String, ContactProfile> profiles) {
            return new ContactList(page.contacts().stream().map(s -> ContactView.of(s, profiles.apply(s.contact().id()))).toList(),
                    page.nextCursor());
        }
    }

    /** A contact with every conversation, newest activity first. */
    record ContactPageView(ContactView contact, List<Views.ConversationSummary> conversations) {
        static ContactPageView of(ContactDetail detail, ContactProfile profile, Map<String, String> staffNames) {
            List<Conversation> conversations = detail.conversations();
            Instant last = conversations.isEmpty() ? null : conversations.get(0).lastActivityAt();
            Set<ChannelId> channels = conversations.stream().map(Conversation::channel).collect(Collectors.toSet());
            ContactSummary summary = new ContactSummary(detail.contact(), channels, last, conversations.size());
            return new ContactPageView(ContactView.of(summary, profile), conversations.stream().map(c -> Views.ConversationSummary.of(c, staffNames)).toList());
        }
    }

    // ------------------------------------------------------------------ staff and digest

    record StaffView(String id, String name, @Nullable String email, @Nullable String phone, String level,
                     @Nullable String notifyVia) {
        static StaffView of(StaffMember m) {
            return new StaffView(m.id(), m.name(), m.email(), m.phone(), m.level().wireName(),
                    m.notifyVia() == null ? null : m.notifyVia().value());
        }
    }

    record StaffOnly(StaffView staffMember) {
        static StaffOnly of(StaffMember m) {
            return new StaffOnly(StaffView.of(m));
        }
    }

    record StaffList(List<StaffView> staff) {
        static StaffList of(List<StaffMember> staff) {
            return new StaffList(staff.stream().map(StaffView::of).toList());
        }
    }

    record UnansweredView(String conversationId, String channel, @Nullable String customerName, String waitingSince,
                          long waitingSeconds, String lastMessage) {
        static UnansweredView of(UnansweredConversation u) {
            return new UnansweredView(u.conversationId(), u.channel().value(), u.customerName(), timestamp(u.waitingSince()),
                    u.waiting().toSeconds(), u.lastMessage());
        }
    }

    record DigestView(String generatedAt, String unansweredFor, List<UnansweredView> conversations) {
        static DigestView of(Digest d) {
            return new DigestView(timestamp(d.generatedAt()), d.threshold().toString(),
                    d.conversations().stream().map(UnansweredView::of).toList());
        }
    }

    // ------------------------------------------------------------------ analytics

    /** One row; {@code channel} is {@code all} on each bucket's all-channels row, unmeasurable values are null. */
    record AnalyticsRow(String periodStart, String channel, long conversationsStarted, long messagesIn, long messagesOut,
                        @Nullable Long firstResponseAvgSeconds, @Nullable Long responseMedianSeconds,
                        @Nullable Double deliverySuccessRate, @Nullable Double aiReplyShare, @Nullable Double satisfactionAvg,
                        long bookings) {
        static AnalyticsRow of(ChannelStats s) {
            return new AnalyticsRow(s.periodStart().toString(), s.channel() == null ? "all" : s.channel().value(),
                    s.conversationsStarted(), s.messagesIn(), s.messagesOut(), seconds(s.averageFirstResponse()),
                    seconds(s.medianResponse()), s.deliverySuccessRate(), s.aiReplyShare(), s.averageSatisfaction(), s.bookings());
        }
    }

    record AnalyticsView(String from, String to, String zone, String granularity, List<AnalyticsRow> rows) {
        static AnalyticsView of(AnalyticsReport r) {
            return new AnalyticsView(timestamp(r.query().from()), timestamp(r.query().to()), r.query().zone().getId(),
                    r.query().granularity().wireName(), r.rows().stream().map(AnalyticsRow::of).toList());
        }
    }

    private static @Nullable String optionalTimestamp(@Nullable Instant instant) {
        return instant == null ? null : timestamp(instant);
    }

    private static @Nullable Long seconds(@Nullable Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }
}
